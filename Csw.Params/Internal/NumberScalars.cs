using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Signed bytes, as Java's: -128 to 127.</summary>
internal readonly struct ByteScalar : IScalar<sbyte>
{
    public static string Expected => "a byte (an integer from -128 to 127)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out sbyte value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetSByte(out value);
    }
    public static void Write(Utf8JsonWriter writer, sbyte value) => writer.WriteNumberValue(value);
}

internal readonly struct ShortScalar : IScalar<short>
{
    public static string Expected => "a short (an integer from -32768 to 32767)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out short value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetInt16(out value);
    }
    public static void Write(Utf8JsonWriter writer, short value) => writer.WriteNumberValue(value);
}

internal readonly struct IntScalar : IScalar<int>
{
    public static string Expected => "an int (a 32-bit integer)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out int value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetInt32(out value);
    }
    public static void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

internal readonly struct LongScalar : IScalar<long>
{
    public static string Expected => "a long (a 64-bit integer)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out long value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetInt64(out value);
    }
    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
}

internal readonly struct FloatScalar : IScalar<float>
{
    public static string Expected => "a float (a finite 32-bit number)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out float value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetSingle(out value) && float.IsFinite(value);
    }
    public static void Write(Utf8JsonWriter writer, float value)
    {
        if (!float.IsFinite(value))
        {
            throw new CswJsonException($"the float {value} cannot be written: JSON has no NaN or infinity");
        }
        writer.WriteNumberValue(value);
    }
}

internal readonly struct DoubleScalar : IScalar<double>
{
    public static string Expected => "a double (a finite 64-bit number)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out double value)
    {
        value = 0;
        return reader.Json.TokenType == JsonTokenType.Number && reader.Json.TryGetDouble(out value) && double.IsFinite(value);
    }
    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new CswJsonException($"the double {value} cannot be written: JSON has no NaN or infinity");
        }
        writer.WriteNumberValue(value);
    }
}

internal readonly struct BooleanScalar : IScalar<bool>
{
    public static string Expected => "a boolean";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out bool value)
    {
        value = reader.Json.TokenType == JsonTokenType.True;
        return value || reader.Json.TokenType == JsonTokenType.False;
    }
    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}
