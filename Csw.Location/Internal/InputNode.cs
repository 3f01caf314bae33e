using System.Globalization;
using System.Text.Json;
using Csw.Params;

namespace Csw.Location.Internal;

/// <summary>
/// A JSON value being decoded and where it is (<c>$.registration.connection</c>), so that every
/// error names its place. The location codec reads from a parsed document: its messages are
/// small, and clear code matters more here than the last microsecond.
/// </summary>
/// <param name="Element">The value.</param>
/// <param name="Path">Where it is, as a JSON path.</param>
internal readonly record struct InputNode(JsonElement Element, string Path)
{
    /// <summary>Fails unless this is an object.</summary>
    public InputNode Object(string what) => Element.ValueKind == JsonValueKind.Object ? this : throw Unexpected(what);

    /// <summary>The field <paramref name="name"/> of this object, which <paramref name="owner"/> must have.</summary>
    public InputNode Field(string name, string owner) =>
        TryField(name, out var field) ? field : throw Fail($"{owner} has no '{name}' field");

    /// <summary>The field <paramref name="name"/> of this object, if present and not null.</summary>
    public bool TryField(string name, out InputNode field)
    {
        if (Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            field = new InputNode(value, Child(name));
            return true;
        }
        field = default;
        return false;
    }

    /// <summary>The <c>_type</c> of this object (a tagged union's case).</summary>
    public string TypeName(string what) => Object(what).Field("_type", what).String("a type name (a string)");

    public string String(string what) =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Unexpected(what);

    public int Int32(string what) =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) ? value : throw Unexpected(what);

    /// <summary>The elements of this array.</summary>
    public IEnumerable<InputNode> Items(string what)
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Unexpected(what);
        }
        var path = Path;
        return Element.EnumerateArray().Select((item, index) => new InputNode(item, $"{path}[{index}]"));
    }

    /// <summary>The fields of this object.</summary>
    public IEnumerable<(string Name, InputNode Value)> Properties(string what)
    {
        var path = this;
        return Object(what).Element.EnumerateObject().Select(property => (property.Name, new InputNode(property.Value, path.Child(property.Name))));
    }

    public CswJsonException Fail(string problem, Exception? inner = null) => new(problem, Path, null, inner);

    public CswJsonException Unexpected(string what) => Fail($"expected {what}, found {Describe()}");

    private string Child(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? $"{Path}.{name}" : $"{Path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Shorten(Element.GetString()!)}'",
        JsonValueKind.Number => $"the number {Element.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
