using System.Text.Json;

namespace Csw.Params.Internal;

internal readonly struct StringScalar : IScalar<string>
{
    public static string Expected => "a string";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out string value)
    {
        value = reader.Json.TokenType == JsonTokenType.String ? reader.Json.GetString()! : null!;
        return value is not null;
    }
    public static void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

internal readonly struct ChoiceScalar : IScalar<Choice>
{
    public static string Expected => "a choice (a string)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out Choice value)
    {
        var ok = StringScalar.TryRead(ref reader, out var name);
        value = ok ? new Choice(name) : default;
        return ok;
    }
    public static void Write(Utf8JsonWriter writer, Choice value) => writer.WriteStringValue(value.Name);
}

/// <summary>A char is a one-character string on the wire (CSW avoids borer's numeric chars).</summary>
internal readonly struct CharScalar : IScalar<char>
{
    public static string Expected => "a char (a string of one character)";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out char value)
    {
        value = '\0';
        if (reader.Json.TokenType != JsonTokenType.String)
        {
            return false;
        }
        // At most 6 bytes encode one UTF-16 unit, escaped (\uXXXX) or not.
        var length = reader.Json.HasValueSequence ? reader.Json.ValueSequence.Length : reader.Json.ValueSpan.Length;
        if (length > 6)
        {
            return false;
        }
        Span<char> chars = stackalloc char[6];
        if (reader.Json.CopyString(chars) != 1)
        {
            return false;
        }
        value = chars[0];
        return true;
    }
    public static void Write(Utf8JsonWriter writer, char value) => writer.WriteStringValue([value]);
}

internal readonly struct UtcTimeScalar : IScalar<UtcTime>
{
    public static string Expected => "a UTC time (an ISO-8601 instant such as '2017-09-04T19:00:00.123456789Z')";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out UtcTime value)
    {
        var ok = InstantScalar.TryRead(ref reader, out var seconds, out var nanos);
        value = ok ? new UtcTime(seconds, nanos) : default;
        return ok;
    }
    public static void Write(Utf8JsonWriter writer, UtcTime value) => InstantScalar.Write(writer, value.EpochSecond, value.Nanos);
}

internal readonly struct TaiTimeScalar : IScalar<TaiTime>
{
    public static string Expected => "a TAI time (an ISO-8601 instant such as '2017-09-04T19:00:00.123456789Z')";
    public static bool IsComposite => false;
    public static bool TryRead(ref CswReader reader, out TaiTime value)
    {
        var ok = InstantScalar.TryRead(ref reader, out var seconds, out var nanos);
        value = ok ? new TaiTime(seconds, nanos) : default;
        return ok;
    }
    public static void Write(Utf8JsonWriter writer, TaiTime value) => InstantScalar.Write(writer, value.EpochSecond, value.Nanos);
}

internal static class InstantScalar
{
    public static bool TryRead(ref CswReader reader, out long seconds, out int nanos)
    {
        seconds = 0;
        nanos = 0;
        if (reader.Json.TokenType != JsonTokenType.String)
        {
            return false;
        }
        if (!reader.Json.ValueIsEscaped && !reader.Json.HasValueSequence)
        {
            return InstantText.TryParse(reader.Json.ValueSpan, out seconds, out nanos);
        }
        var text = reader.Json.GetString()!;
        return text.Length <= 64 && InstantText.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out seconds, out nanos);
    }

    public static void Write(Utf8JsonWriter writer, long seconds, int nanos)
    {
        Span<byte> buffer = stackalloc byte[InstantText.MaxLength];
        writer.WriteStringValue(buffer[..InstantText.Format(seconds, nanos, buffer)]);
    }
}
