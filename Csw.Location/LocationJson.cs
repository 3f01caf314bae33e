using System.Buffers;
using System.Text;
using System.Text.Json;
using Csw.Location.Internal;
using Csw.Location.Messages;
using Csw.Params;

namespace Csw.Location;

/// <summary>
/// Reads and writes the location models and the location server's messages in CSW's JSON wire
/// format: <c>LocationJson.Serialize(location)</c>, <c>LocationJson.Deserialize&lt;LocationRequest&gt;(json)</c>.
/// Supported: <see cref="Location"/>, <see cref="Registration"/>, <see cref="TrackingEvent"/>,
/// <see cref="Connection"/>, <see cref="ConnectionInfo"/>, <see cref="ComponentId"/>,
/// <see cref="ComponentType"/>, <see cref="ConnectionType"/>, <see cref="NetworkType"/>,
/// <see cref="Metadata"/>, <see cref="LocationServiceException"/>, <see cref="LocationRequest"/>,
/// <see cref="LocationStreamRequest"/>, each of their subtypes, and lists of locations (the answer to
/// Find, Resolve and the listings). Bad input raises <see cref="CswJsonException"/> naming the JSON path.
/// </summary>
public static class LocationJson
{
    /// <summary>How each supported type is read and written.</summary>
    private static readonly Dictionary<Type, (Func<InputNode, object> Read, Action<Utf8JsonWriter, object> Write)> Codecs = new()
    {
        [typeof(Location)] = (ModelCodec.ReadLocation, (w, v) => ModelCodec.WriteLocation(w, (Location)v)),
        [typeof(Registration)] = (ModelCodec.ReadRegistration, (w, v) => ModelCodec.WriteRegistration(w, (Registration)v)),
        [typeof(TrackingEvent)] = (ModelCodec.ReadTrackingEvent, (w, v) => ModelCodec.WriteTrackingEvent(w, (TrackingEvent)v)),
        [typeof(Connection)] = (ModelCodec.ReadConnection, (w, v) => ModelCodec.WriteConnection(w, (Connection)v)),
        [typeof(ConnectionInfo)] = (ModelCodec.ReadConnectionInfo, (w, v) => ModelCodec.WriteConnectionInfo(w, (ConnectionInfo)v)),
        [typeof(ComponentId)] = (ModelCodec.ReadComponentId, (w, v) => ModelCodec.WriteComponentId(w, (ComponentId)v)),
        [typeof(ComponentType)] = (n => ModelCodec.ReadComponentType(n), (w, v) => w.WriteStringValue(v.ToString())),
        [typeof(ConnectionType)] = (n => ModelCodec.ReadConnectionType(n), (w, v) => w.WriteStringValue(((ConnectionType)v).WireName())),
        [typeof(NetworkType)] = (n => ModelCodec.ReadNetworkType(n), (w, v) => ModelCodec.WriteNetworkType(w, (NetworkType)v)),
        [typeof(Metadata)] = (ModelCodec.ReadMetadata, (w, v) => ModelCodec.WriteMetadata(w, (Metadata)v)),
        [typeof(LocationServiceException)] = (MessageCodec.ReadError, (w, v) => MessageCodec.WriteError(w, (LocationServiceException)v)),
        [typeof(LocationRequest)] = (MessageCodec.ReadRequest, (w, v) => MessageCodec.WriteRequest(w, (LocationRequest)v)),
        [typeof(LocationStreamRequest)] = (MessageCodec.ReadStreamRequest, (w, v) => MessageCodec.WriteStreamRequest(w, (LocationStreamRequest)v)),
        [typeof(IReadOnlyList<Location>)] = (ReadLocations, (w, v) => WriteLocations(w, (IEnumerable<Location>)v)),
    };

    /// <summary>True when <paramref name="type"/> can be read and written.</summary>
    /// <param name="type">The type, e.g. <c>typeof(HttpLocation)</c>.</param>
    public static bool IsSupported(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CodecKey(type) is not null;
    }

    /// <summary>The value as a JSON string.</summary>
    /// <param name="value">A value of a supported type.</param>
    /// <exception cref="NotSupportedException">The value's type is not supported.</exception>
    public static string Serialize<T>(T value) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(value));

    /// <summary>The value as UTF-8 JSON.</summary>
    /// <param name="value">A value of a supported type.</param>
    /// <exception cref="NotSupportedException">The value's type is not supported.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Serialize(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the value to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">A value of a supported type.</param>
    /// <exception cref="NotSupportedException">The value's type is not supported.</exception>
    public static void Serialize<T>(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var key = CodecKey(value.GetType()) ?? CodecKey(typeof(T)) ?? throw Unsupported(typeof(T));
        Codecs[key].Write(writer, value);
    }

    /// <summary>Reads a <typeparamref name="T"/> from a JSON string.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="CswJsonException">The input is not a valid <typeparamref name="T"/> in CSW's format.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize<T>(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <exception cref="CswJsonException">The input is not a valid <typeparamref name="T"/> in CSW's format.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8Json)
    {
        var key = CodecKey(typeof(T)) ?? throw Unsupported(typeof(T));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new CswJsonException(utf8Json.IsEmpty ? "the input is empty" : $"malformed JSON: {e.Message}", "$", null, e);
        }
        using (document)
        {
            return Deserialize<T>(document.RootElement, key);
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from a parsed JSON value, e.g. a field of a larger message.</summary>
    /// <param name="element">The value.</param>
    /// <param name="path">Its JSON path, for error messages.</param>
    /// <exception cref="CswJsonException">The value is not a valid <typeparamref name="T"/> in CSW's format.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    public static T Deserialize<T>(JsonElement element, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(path);
        return Deserialize<T>(element, CodecKey(typeof(T)) ?? throw Unsupported(typeof(T)), path);
    }

    private static T Deserialize<T>(JsonElement element, Type key, string path = "$")
    {
        var node = new InputNode(element, path);
        object value;
        try
        {
            value = Codecs[key].Read(node);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw node.Fail($"invalid value: {e.Message}", e);
        }
        return value is T typed ? typed : throw node.Fail($"expected a {typeof(T).Name}, found a {value.GetType().Name}");
    }

    /// <summary>The supported type that <paramref name="type"/> is, or derives from.</summary>
    private static Type? CodecKey(Type type)
    {
        for (var candidate = type; candidate is not null; candidate = candidate.BaseType)
        {
            if (Codecs.ContainsKey(candidate))
            {
                return candidate;
            }
        }
        // Any list of locations is written as an array; reading gives a Location[].
        return typeof(IEnumerable<Location>).IsAssignableFrom(type) ? typeof(IReadOnlyList<Location>) : null;
    }

    private static Location[] ReadLocations(InputNode node) => [.. node.Items("a list of locations (an array)").Select(ModelCodec.ReadLocation)];

    private static void WriteLocations(Utf8JsonWriter writer, IEnumerable<Location> locations)
    {
        writer.WriteStartArray();
        foreach (var location in locations)
        {
            ModelCodec.WriteLocation(writer, location);
        }
        writer.WriteEndArray();
    }

    private static NotSupportedException Unsupported(Type type) => new($"{type.Name} is not a type of CSW's location wire format.");
}
