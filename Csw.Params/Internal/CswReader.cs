using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// A <see cref="Utf8JsonReader"/> with the context of the read (path, limits). Every Read method of
/// the codec starts on the first token of its value and stops on the value's last token, as
/// System.Text.Json converters do.
/// </summary>
internal ref struct CswReader
{
    public Utf8JsonReader Json;
    public readonly ReadContext Context;

    public CswReader(Utf8JsonReader json, ReadContext context)
    {
        Json = json;
        Context = context;
    }

    public readonly JsonTokenType Token => Json.TokenType;

    /// <summary>Moves to the next token; the input must not end here.</summary>
    public void Next()
    {
        if (!Json.Read())
        {
            throw Fail("the JSON ends too early (truncated input)");
        }
    }

    /// <summary>On an object's start or on a property's value: moves to the next property name, or false at the object's end.</summary>
    public bool NextProperty()
    {
        Next();
        return Json.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>On a property name: skips the property's value.</summary>
    public void SkipValue()
    {
        if (!Json.TrySkip())
        {
            throw Fail("the JSON ends too early (truncated input)");
        }
    }

    public readonly bool Is(ReadOnlySpan<byte> propertyName) => Json.ValueTextEquals(propertyName);

    public readonly void Expect(JsonTokenType token, string what)
    {
        if (Json.TokenType != token)
        {
            throw Unexpected(what);
        }
    }

    public readonly string GetString(string what)
    {
        Expect(JsonTokenType.String, what);
        return Json.GetString()!;
    }

    /// <summary>On a property name: reads its string value, with the property on the path while doing so.</summary>
    public string ReadStringProperty(string name, string what)
    {
        Context.Enter(name);
        Next();
        var value = GetString(what);
        Context.Exit();
        return value;
    }

    public readonly CswJsonException Unexpected(string what) => Fail($"expected {what}, found {Describe()}");

    public readonly CswJsonException Fail(string problem, Exception? inner = null)
        => Context.Fail(problem, Json.TokenStartIndex, inner);

    public readonly CswJsonException Missing(string field, string what)
        => Fail($"{what} has no '{field}' field");

    public readonly string Describe() => Json.TokenType switch
    {
        JsonTokenType.String => $"the string {Quote()}",
        JsonTokenType.Number => $"the number {System.Text.Encoding.UTF8.GetString(Json.ValueSpan)}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => Json.TokenType.ToString(),
    };

    private readonly string Quote()
    {
        var text = Json.GetString() ?? "";
        return text.Length <= 60 ? $"'{text}'" : $"'{text[..60]}...'";
    }
}
