using System.Text;
using System.Text.RegularExpressions;

namespace Csw.Framework.Internal.Hocon;

/// <summary>
/// Reads the HOCON of configuration files, strictly: objects (braced, or the braceless root),
/// arrays, quoted, triple-quoted and unquoted strings, numbers, booleans, null, <c>=</c>, <c>:</c>
/// or <c>{</c> after a key, dotted keys, duplicate keys merged as HOCON merges them, value
/// concatenation (<c>10 seconds</c>), fields and elements separated by commas or new lines, and
/// comments. Includes, substitutions and <c>+=</c> are errors. Every error names the line and
/// column. One token of look-ahead and no backtracking keep it linear in the input; nesting is
/// limited to <see cref="MaxDepth"/>, so that recursion is bounded.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>How deep objects and arrays may nest, dotted keys included.</summary>
    public const int MaxDepth = 32;

    private readonly HoconCursor _cursor;

    private HoconParser(string text) => _cursor = new HoconCursor(text);

    /// <summary>Reads a whole document: an object (with or without braces) or an array.</summary>
    /// <exception cref="HoconException">The text is not HOCON this parser reads.</exception>
    public static HoconValue Parse(string text) => new HoconParser(text).Document();

    private HoconValue Document()
    {
        _cursor.SkipBlank();
        HoconValue root;
        if (_cursor.Kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket)
        {
            root = Value(0, "the document");
            _cursor.SkipBlank();
            if (_cursor.Kind != HoconTokenKind.End)
            {
                throw _cursor.Unexpected("after the end of the document");
            }
        }
        else
        {
            root = Object(new HoconPosition(1, 1), braced: false, 0);
        }
        return root;
    }

    private HoconObject Object(HoconPosition open, bool braced, int depth)
    {
        var result = new HoconObject(open);
        while (true)
        {
            _cursor.SkipBlank();
            switch (_cursor.Kind)
            {
                case HoconTokenKind.CloseBrace when braced:
                    _cursor.Advance();
                    return result;
                case HoconTokenKind.End when !braced:
                    return result;
                case HoconTokenKind.End:
                    throw new HoconException($"the '{{' at {open} is never closed.", _cursor.Position);
                case HoconTokenKind.CloseBrace:
                    throw new HoconException("this '}' closes nothing.", _cursor.Position);
                case HoconTokenKind.CloseBracket:
                    throw new HoconException(braced ? $"the '{{' at {open} is closed by ']'." : "this ']' closes nothing.", _cursor.Position);
            }
            var key = Field(result, depth);
            _cursor.SkipSpaces();
            switch (_cursor.Kind)
            {
                case HoconTokenKind.Comma or HoconTokenKind.Newline:
                    _cursor.Advance();
                    break;
                case HoconTokenKind.CloseBrace or HoconTokenKind.CloseBracket or HoconTokenKind.End:
                    break;
                default:
                    throw _cursor.Unexpected($"after the value of '{key}'; expected ',' or a new line");
            }
        }
    }

    private string Field(HoconObject into, int depth)
    {
        var start = _cursor.Position;
        var path = HoconKey.Read(_cursor);
        var key = HoconToken.Shorten(string.Join('.', path));
        if (depth + path.Count > MaxDepth)
        {
            throw new HoconException($"'{key}' nests deeper than {MaxDepth} levels.", start);
        }
        _cursor.SkipSpaces();
        HoconValue value;
        switch (_cursor.Kind)
        {
            case HoconTokenKind.OpenBrace:
                value = Value(depth + path.Count, $"'{key}'");
                break;
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                _cursor.Advance();
                _cursor.SkipBlank();
                value = Value(depth + path.Count, $"'{key}'");
                break;
            default:
                throw _cursor.Unexpected($"after the key '{key}'; expected '=', ':' or '{{'");
        }
        // a.b.c = v is a { b { c = v } }.
        for (var i = path.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(start);
            wrapper.Set(path[i], value);
            value = wrapper;
        }
        into.Set(path[0], value);
        return key;
    }

    // A value, or several on one line concatenated: "10 seconds" is one string, { a = 1 } { b = 2 } one object.
    private HoconValue Value(int depth, string what)
    {
        if (depth > MaxDepth)
        {
            throw new HoconException($"{what} nests deeper than {MaxDepth} levels.", _cursor.Position);
        }
        var start = _cursor.Position;
        var parts = new List<HoconValue>();
        var text = new StringBuilder();
        string? spaces = null;
        while (true)
        {
            var token = _cursor.Token;
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    spaces = token.Text;
                    _cursor.Advance();
                    continue;
                case HoconTokenKind.OpenBrace:
                    _cursor.Advance();
                    part = Object(token.Position, braced: true, depth);
                    break;
                case HoconTokenKind.OpenBracket:
                    _cursor.Advance();
                    part = Array(token.Position, depth);
                    break;
                case HoconTokenKind.QuotedString:
                    _cursor.Advance();
                    part = new HoconScalar(token.Position, HoconScalarKind.String, token.Text);
                    break;
                case HoconTokenKind.Unquoted:
                    _cursor.Advance();
                    part = Literal(token);
                    break;
                default:
                    return parts.Count > 0 ? Concatenate(parts, text, start) : throw _cursor.Unexpected($"where the value of {what} was expected");
            }
            if (part is HoconScalar scalar)
            {
                text.Append(parts.Count > 0 ? spaces : null).Append(scalar.Text);
            }
            spaces = null;
            parts.Add(part);
        }
    }

    private HoconArray Array(HoconPosition open, int depth)
    {
        var result = new HoconArray(open);
        while (true)
        {
            _cursor.SkipBlank();
            switch (_cursor.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    _cursor.Advance();
                    return result;
                case HoconTokenKind.End:
                    throw new HoconException($"the '[' at {open} is never closed.", _cursor.Position);
                case HoconTokenKind.CloseBrace:
                    throw new HoconException($"the '[' at {open} is closed by '}}'.", _cursor.Position);
            }
            result.Items.Add(Value(depth + 1, "an array element"));
            _cursor.SkipSpaces();
            switch (_cursor.Kind)
            {
                case HoconTokenKind.Comma or HoconTokenKind.Newline:
                    _cursor.Advance();
                    break;
                case HoconTokenKind.CloseBracket or HoconTokenKind.CloseBrace or HoconTokenKind.End:
                    break;
                default:
                    throw _cursor.Unexpected("after an array element; expected ',' or a new line");
            }
        }
    }

    private static HoconValue Concatenate(List<HoconValue> parts, StringBuilder text, HoconPosition start)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }
        if (parts.TrueForAll(part => part is HoconScalar))
        {
            return new HoconScalar(start, HoconScalarKind.String, text.ToString());
        }
        if (parts.TrueForAll(part => part is HoconObject))
        {
            var merged = (HoconObject)parts[0];
            parts.Skip(1).Cast<HoconObject>().ToList().ForEach(merged.MergeFrom);
            return merged;
        }
        if (parts.TrueForAll(part => part is HoconArray))
        {
            var joined = (HoconArray)parts[0];
            parts.Skip(1).Cast<HoconArray>().ToList().ForEach(array => joined.Items.AddRange(array.Items));
            return joined;
        }
        var odd = parts.First(part => part.GetType() != parts[0].GetType());
        throw new HoconException("a value mixes text, objects and arrays; quote the text, or separate the values with a comma or a new line.", odd.Position);
    }

    private static HoconScalar Literal(HoconToken token) => token.Text switch
    {
        "true" or "false" => new HoconScalar(token.Position, HoconScalarKind.Boolean, token.Text),
        "null" => new HoconScalar(token.Position, HoconScalarKind.Null, token.Text),
        var text when NumberPattern().IsMatch(text) => new HoconScalar(token.Position, HoconScalarKind.Number, text),
        var text => new HoconScalar(token.Position, HoconScalarKind.String, text),
    };

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
