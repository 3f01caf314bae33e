using System.Text.Json;
using System.Text.Json.Serialization;

namespace Csw.Params.Internal;

internal delegate T ReadValue<T>(ref CswReader reader);

/// <summary>A type that can be read and written as a top-level CSW JSON value.</summary>
internal interface ITypeCodec
{
    JsonConverter CreateConverter(CswJsonOptions options);
}

/// <summary>Reads and writes a <typeparamref name="T"/> as CSW JSON.</summary>
internal sealed class TypeCodec<T>(ReadValue<T> read, Action<Utf8JsonWriter, T> write) : ITypeCodec
{
    /// <summary>On the value's first token: reads it, leaving the reader on its last token.</summary>
    public T Read(ref CswReader reader) => read(ref reader);

    public void Write(Utf8JsonWriter writer, T value) => write(writer, value);

    public JsonConverter CreateConverter(CswJsonOptions options) => new CswConverter<T>(this, options);
}

/// <summary>Lets System.Text.Json read and write CSW types inside a user's own models.</summary>
internal sealed class CswConverter<T>(TypeCodec<T> codec, CswJsonOptions options) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions serializerOptions)
        => CswJson.Read(ref reader, codec, options);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions serializerOptions)
        => codec.Write(writer, value);
}

/// <summary>Hands out <see cref="CswConverter{T}"/> for every type <see cref="CswJson"/> supports.</summary>
internal sealed class CswConverterFactory(CswJsonOptions options) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => TypeCodecs.Find(typeToConvert) is not null || KeyTypeOf(typeToConvert) is not null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions serializerOptions)
        => TypeCodecs.Find(typeToConvert)?.CreateConverter(options) ?? KeyTypeOf(typeToConvert)?.CreateParameterConverter(options);

    /// <summary>For <c>Parameter&lt;T&gt;</c>, the key type whose values are <c>T</c>.</summary>
    private static KeyType? KeyTypeOf(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Parameter<>)
            ? KeyType.All.FirstOrDefault(k => k.ValueType == type.GenericTypeArguments[0])
            : null;
}
