using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Csw.Params.Internal;

namespace Csw.Params;

/// <summary>
/// Reads and writes CSW's JSON wire format, exactly as TMT CSW does, for commands (<see cref="Setup"/>, ...),
/// states, results, parameters, responses, command issues, coordinates, command-service requests
/// (<see cref="Messages.Submit"/>, ...) and identifiers: <c>CswJson.Serialize(setup)</c>,
/// <c>CswJson.Deserialize&lt;ControlCommand&gt;(json)</c>. The static type argument chooses what is
/// accepted (<c>Deserialize&lt;ISubmitResponse&gt;</c> rejects an <see cref="Accepted"/>). Bad input raises
/// <see cref="CswJsonException"/> naming the JSON path. To embed these types in your own System.Text.Json
/// models use <see cref="SerializerOptions"/> or <see cref="AddCswConverters"/>.
/// </summary>
public static class CswJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_writer;

    /// <summary>Serializer options that read and write every CSW type in CSW's format.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>True when <paramref name="type"/> can be read and written (e.g. <see cref="Setup"/>, <see cref="ISubmitResponse"/>).</summary>
    public static bool IsSupported(Type type) => new CswConverterFactory(CswJsonOptions.Default).CanConvert(type);

    /// <summary>The value as UTF-8 JSON.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a CSW type.</exception>
    /// <exception cref="CswJsonException">A value cannot be written (a NaN or infinite number).</exception>
    public static byte[] ToUtf8Bytes<T>(T value)
    {
        var (buffer, writer) = RentWriter();
        try
        {
            Serialize(writer, value);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            ReturnWriter(buffer, writer);
        }
    }

    /// <summary>The value as a JSON string.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a CSW type.</exception>
    /// <exception cref="CswJsonException">A value cannot be written (a NaN or infinite number).</exception>
    public static string Serialize<T>(T value)
    {
        var (buffer, writer) = RentWriter();
        try
        {
            Serialize(writer, value);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            ReturnWriter(buffer, writer);
        }
    }

    /// <summary>Writes the value to <paramref name="writer"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a CSW type.</exception>
    public static void Serialize<T>(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        CodecFor<T>().Write(writer, value);
    }

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <exception cref="CswJsonException">The input is not a valid <typeparamref name="T"/> in CSW's format.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a CSW type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, CswJsonOptions? options = null)
    {
        options ??= CswJsonOptions.Default;
        if (utf8Json.IsEmpty)
        {
            throw new CswJsonException("the input is empty", "$", 0);
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
        if (!TryReadFirst(ref reader, out var error))
        {
            throw error;
        }
        var value = Read(ref reader, CodecFor<T>(), options);
        try
        {
            reader.Read();
        }
        catch (JsonException e)
        {
            throw new CswJsonException($"malformed JSON after the value: {e.Message}", "$", reader.TokenStartIndex, e);
        }
        return value;
    }

    /// <summary>Reads a <typeparamref name="T"/> from a JSON string.</summary>
    /// <exception cref="CswJsonException">The input is not a valid <typeparamref name="T"/> in CSW's format.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a CSW type.</exception>
    public static T Deserialize<T>(string json, CswJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            return Deserialize<T>(rented.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Adds converters for every CSW type to <paramref name="serializerOptions"/>.</summary>
    public static JsonSerializerOptions AddCswConverters(this JsonSerializerOptions serializerOptions, CswJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serializerOptions);
        serializerOptions.Converters.Add(new CswConverterFactory(options ?? CswJsonOptions.Default));
        return serializerOptions;
    }

    /// <summary>Reads a value with <paramref name="codec"/>; <paramref name="reader"/> is on its first token and ends on its last.</summary>
    internal static T Read<T>(ref Utf8JsonReader reader, TypeCodec<T> codec, CswJsonOptions options)
    {
        var context = ReadContext.Rent(options);
        var csw = new CswReader(reader, context);
        try
        {
            var value = codec.Read(ref csw);
            reader = csw.Json;
            return value;
        }
        catch (CswJsonException)
        {
            throw;
        }
        catch (JsonException e)
        {
            throw context.Fail($"malformed JSON: {e.Message}", csw.Json.TokenStartIndex, e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw context.Fail($"invalid value: {e.Message}", csw.Json.TokenStartIndex, e);
        }
        finally
        {
            ReadContext.Return(context);
        }
    }

    private static bool TryReadFirst(ref Utf8JsonReader reader, out CswJsonException error)
    {
        error = null!;
        try
        {
            if (reader.Read())
            {
                return true;
            }
            error = new CswJsonException("the input is empty", "$", 0);
        }
        catch (JsonException e)
        {
            error = new CswJsonException($"malformed JSON: {e.Message}", "$", reader.TokenStartIndex, e);
        }
        return false;
    }

    private static TypeCodec<T> CodecFor<T>()
        => TypeCodecCache<T>.Codec ?? throw new NotSupportedException($"{typeof(T).Name} is not a type of CSW's JSON wire format.");

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions().AddCswConverters();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) RentWriter()
    {
        var cached = t_writer;
        t_writer = null;
        if (cached is { } pair)
        {
            return pair;
        }
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer, WriterOptions));
    }

    private static void ReturnWriter(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        // Keep buffers of ordinary size only, so one huge message does not pin memory for the thread's life.
        if (buffer.Capacity > 1024 * 1024)
        {
            return;
        }
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        t_writer = (buffer, writer);
    }
}
