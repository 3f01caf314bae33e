using System.Text.Json;
using Csw.Params;

namespace Csw.Location.Internal;

/// <summary>
/// CSW's JSON for the location models (csw-location-api's <c>LocationCodecs</c>): connections as
/// <c>{"prefix", "componentType", "connectionType"}</c>, tagged unions with <c>_type</c>, metadata
/// as a plain object, URIs as strings.
/// </summary>
internal static class ModelCodec
{
    private const string ConnectionWhat = "a connection (an object with prefix, componentType and connectionType)";

    public static Prefix ReadPrefix(InputNode node)
    {
        var text = node.String("a prefix (a string such as 'TCS.filter.wheel')");
        return Prefix.TryParse(text, out var prefix) ? prefix : throw node.Fail(PrefixError(text));
    }

    public static ComponentType ReadComponentType(InputNode node)
    {
        var text = node.String("a component type (a string)");
        return ComponentTypeNames.TryParse(text, out var type) ? type : throw node.Fail($"unknown component type '{text}'; expected one of {ComponentTypeNames.Expected}");
    }

    public static ConnectionType ReadConnectionType(InputNode node)
    {
        var text = node.String("a connection type (a string)");
        return ConnectionTypeExtensions.TryParseConnectionType(text, out var type) ? type : throw node.Fail($"unknown connection type '{text}'; expected one of pekko, http, tcp");
    }

    public static ComponentId ReadComponentId(InputNode node)
    {
        const string what = "a component id (an object with prefix and componentType)";
        node.Object(what);
        return new ComponentId(ReadPrefix(node.Field("prefix", what)), ReadComponentType(node.Field("componentType", what)));
    }

    public static ConnectionInfo ReadConnectionInfo(InputNode node)
    {
        node.Object(ConnectionWhat);
        return new ConnectionInfo(
            ReadPrefix(node.Field("prefix", ConnectionWhat)),
            ReadComponentType(node.Field("componentType", ConnectionWhat)),
            ReadConnectionType(node.Field("connectionType", ConnectionWhat)));
    }

    public static Connection ReadConnection(InputNode node) => Connection.From(ReadConnectionInfo(node));

    /// <summary>A connection that must be of type <typeparamref name="T"/>, as in a <c>PekkoLocation</c>.</summary>
    public static T ReadConnection<T>(InputNode node, string owner)
        where T : Connection
    {
        var connection = ReadConnection(node);
        return connection as T ?? throw node.Fail($"{owner} needs a {typeof(T).Name}, found a {connection.GetType().Name}");
    }

    public static Metadata ReadMetadata(InputNode node) =>
        new(node.Properties("metadata (an object of strings)").Select(field => KeyValuePair.Create(field.Name, field.Value.String("a metadata value (a string)"))));

    public static NetworkType ReadNetworkType(InputNode node) => node.TypeName("a network type (an object with _type Inside or Outside)") switch
    {
        "Inside" => NetworkType.Inside,
        "Outside" => NetworkType.Outside,
        var other => throw node.Field("_type", "").Fail($"unknown network type '{other}'; expected Inside or Outside"),
    };

    public static Uri ReadUri(InputNode node)
    {
        var text = node.String("a URI (a string)");
        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw node.Fail($"'{text}' is not a URI");
    }

    public static Location ReadLocation(InputNode node)
    {
        const string what = "a location (an object with _type PekkoLocation, HttpLocation or TcpLocation)";
        var type = node.TypeName(what);
        var uri = ReadUri(node.Field("uri", type));
        var metadata = ReadOptionalMetadata(node);
        return type switch
        {
            "PekkoLocation" => new PekkoLocation(ReadConnection<PekkoConnection>(node.Field("connection", type), type), uri, metadata),
            "HttpLocation" => new HttpLocation(ReadConnection<HttpConnection>(node.Field("connection", type), type), uri, metadata),
            "TcpLocation" => new TcpLocation(ReadConnection<TcpConnection>(node.Field("connection", type), type), uri, metadata),
            _ => throw UnknownType(node, type, "location", "PekkoLocation, HttpLocation, TcpLocation"),
        };
    }

    public static Registration ReadRegistration(InputNode node)
    {
        const string what = "a registration (an object with _type PekkoRegistration, HttpRegistration or TcpRegistration)";
        var type = node.TypeName(what);
        var metadata = ReadOptionalMetadata(node);
        switch (type)
        {
            case "PekkoRegistration":
                return new PekkoRegistration(ReadConnection<PekkoConnection>(node.Field("connection", type), type), ReadUri(node.Field("actorRefURI", type)), metadata);
            case "HttpRegistration":
                var networkType = node.TryField("networkType", out var network) ? ReadNetworkType(network) : NetworkType.Inside;
                var path = node.TryField("path", out var pathNode) ? pathNode.String("a path (a string)") : "";
                return new HttpRegistration(ReadConnection<HttpConnection>(node.Field("connection", type), type), ReadPort(node.Field("port", type)), path, networkType, metadata);
            case "TcpRegistration":
                return new TcpRegistration(ReadConnection<TcpConnection>(node.Field("connection", type), type), ReadPort(node.Field("port", type)), metadata);
            default:
                throw UnknownType(node, type, "registration", "PekkoRegistration, HttpRegistration, TcpRegistration");
        }
    }

    public static TrackingEvent ReadTrackingEvent(InputNode node)
    {
        const string what = "a tracking event (an object with _type LocationUpdated or LocationRemoved)";
        var type = node.TypeName(what);
        return type switch
        {
            "LocationUpdated" => new LocationUpdated(ReadLocation(node.Field("location", type))),
            "LocationRemoved" => new LocationRemoved(ReadConnection(node.Field("connection", type))),
            _ => throw UnknownType(node, type, "tracking event", "LocationUpdated, LocationRemoved"),
        };
    }

    public static CswJsonException UnknownType(InputNode node, string type, string what, string expected) =>
        node.Field("_type", what).Fail($"unknown {what} type '{type}'; expected one of {expected}");

    public static void WriteComponentId(Utf8JsonWriter writer, ComponentId id)
    {
        writer.WriteStartObject();
        writer.WriteString("prefix"u8, id.Prefix.ToString());
        writer.WriteString("componentType"u8, id.ComponentType.ToString());
        writer.WriteEndObject();
    }

    public static void WriteConnectionInfo(Utf8JsonWriter writer, ConnectionInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("prefix"u8, info.Prefix.ToString());
        writer.WriteString("componentType"u8, info.ComponentType.ToString());
        writer.WriteString("connectionType"u8, info.ConnectionType.WireName());
        writer.WriteEndObject();
    }

    public static void WriteConnection(Utf8JsonWriter writer, Connection connection) => WriteConnectionInfo(writer, connection.ConnectionInfo);

    public static void WriteMetadata(Utf8JsonWriter writer, Metadata metadata)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in metadata)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteNetworkType(Utf8JsonWriter writer, NetworkType networkType)
    {
        writer.WriteStartObject();
        writer.WriteString("_type"u8, networkType == NetworkType.Outside ? "Outside" : "Inside");
        writer.WriteEndObject();
    }

    public static void WriteLocation(Utf8JsonWriter writer, Location location)
    {
        writer.WriteStartObject();
        writer.WriteString("_type"u8, location switch
        {
            PekkoLocation => "PekkoLocation",
            HttpLocation => "HttpLocation",
            TcpLocation => "TcpLocation",
            _ => throw new CswJsonException($"{location.GetType().Name} is not a location of CSW's wire format"),
        });
        writer.WritePropertyName("connection"u8);
        WriteConnection(writer, location.Connection);
        writer.WriteString("uri"u8, location.Uri.OriginalString);
        writer.WritePropertyName("metadata"u8);
        WriteMetadata(writer, location.Metadata);
        writer.WriteEndObject();
    }

    public static void WriteRegistration(Utf8JsonWriter writer, Registration registration)
    {
        writer.WriteStartObject();
        writer.WriteString("_type"u8, registration switch
        {
            PekkoRegistration => "PekkoRegistration",
            HttpRegistration => "HttpRegistration",
            TcpRegistration => "TcpRegistration",
            _ => throw new CswJsonException($"{registration.GetType().Name} is not a registration of CSW's wire format"),
        });
        writer.WritePropertyName("connection"u8);
        WriteConnection(writer, registration.Connection);
        switch (registration)
        {
            case PekkoRegistration pekko:
                writer.WriteString("actorRefURI"u8, pekko.ActorRefUri.OriginalString);
                break;
            case HttpRegistration http:
                writer.WriteNumber("port"u8, http.Port);
                writer.WriteString("path"u8, http.Path);
                writer.WritePropertyName("networkType"u8);
                WriteNetworkType(writer, http.NetworkType);
                break;
            case TcpRegistration tcp:
                writer.WriteNumber("port"u8, tcp.Port);
                break;
        }
        writer.WritePropertyName("metadata"u8);
        WriteMetadata(writer, registration.Metadata);
        writer.WriteEndObject();
    }

    public static void WriteTrackingEvent(Utf8JsonWriter writer, TrackingEvent change)
    {
        writer.WriteStartObject();
        switch (change)
        {
            case LocationUpdated updated:
                writer.WriteString("_type"u8, "LocationUpdated");
                writer.WritePropertyName("location"u8);
                WriteLocation(writer, updated.Location);
                break;
            case LocationRemoved removed:
                writer.WriteString("_type"u8, "LocationRemoved");
                writer.WritePropertyName("connection"u8);
                WriteConnection(writer, removed.Connection);
                break;
            default:
                throw new CswJsonException($"{change.GetType().Name} is not a tracking event of CSW's wire format");
        }
        writer.WriteEndObject();
    }

    private static Metadata ReadOptionalMetadata(InputNode node) =>
        node.TryField("metadata", out var metadata) ? ReadMetadata(metadata) : Metadata.Empty;

    private static int ReadPort(InputNode node)
    {
        var port = node.Int32("a port (a whole number)");
        return port is >= 0 and <= 65535 ? port : throw node.Fail($"the port {port} is not between 0 and 65535");
    }

    private static string PrefixError(string text)
    {
        try
        {
            Prefix.Parse(text);
            return $"invalid prefix '{text}'";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
