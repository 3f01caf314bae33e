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

    private readonly HoconLexer _lexer;

    private HoconToken _token;

    private HoconParser(string text)
    {
        _lexer = new HoconLexer(text);
        _token = _lexer.Next();
    }

    /// <summary>Reads a whole document: an object (with or without braces) or an array.</summary>
    /// <exception cref="HoconException">The text is not HOCON this parser reads.</exception>
    public static HoconValue Parse(string text) => new HoconParser(text).Document();

    private HoconValue Document()
    {
        SkipBlank();
        HoconValue root;
        if (_token.Kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket)
        {
            root = Value(0, "the document");
            SkipBlank();
            if (_token.Kind != HoconTokenKind.End)
            {
                throw Unexpected("after the end of the document");
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
            SkipBlank();
            switch (_token.Kind)
            {
                case HoconTokenKind.CloseBrace when braced:
                    Advance();
                    return result;
                case HoconTokenKind.End when !braced:
                    return result;
                case HoconTokenKind.End:
                    throw new HoconException($"the '{{' at {open} is never closed.", _token.Position);
                case HoconTokenKind.CloseBrace:
                    throw new HoconException("this '}' closes nothing.", _token.Position);
                case HoconTokenKind.CloseBracket:
                    throw new HoconException(braced ? $"the '{{' at {open} is closed by ']'." : "this ']' closes nothing.", _token.Position);
            }
            var key = Field(result, depth);
            SkipSpaces();
            switch (_token.Kind)
            {
                case HoconTokenKind.Comma or HoconTokenKind.Newline:
                    Advance();
                    break;
                case HoconTokenKind.CloseBrace or HoconTokenKind.CloseBracket or HoconTokenKind.End:
                    break;
                default:
                    throw Unexpected($"after the value of '{key}'; expected ',' or a new line");
            }
        }
    }

    private string Field(HoconObject into, int depth)
    {
        var start = _token.Position;
        var path = Key();
        var key = HoconToken.Shorten(string.Join('.', path));
        if (depth + path.Count > MaxDepth)
        {
            throw new HoconException($"'{key}' nests deeper than {MaxDepth} levels.", start);
        }
        SkipSpaces();
        HoconValue value;
        switch (_token.Kind)
        {
            case HoconTokenKind.OpenBrace:
                value = Value(depth + path.Count, $"'{key}'");
                break;
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                Advance();
                SkipBlank();
                value = Value(depth + path.Count, $"'{key}'");
                break;
            default:
                throw Unexpected($"after the key '{key}'; expected '=', ':' or '{{'");
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

    // A key: quoted and unquoted parts, possibly with spaces between them; unquoted dots split it into a path.
    private List<string> Key()
    {
        var path = new List<string>();
        var segment = new StringBuilder();
        var quoted = false;
        var start = _token.Position;
        var parts = 0;
        string? spaces = null;
        while (_token.Kind is HoconTokenKind.QuotedString or HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            if (_token.Kind == HoconTokenKind.Whitespace)
            {
                spaces = _token.Text;
                Advance();
                continue;
            }
            if (parts == 1 && spaces is not null && path.Count == 0 && segment.ToString() == "include" && !quoted)
            {
                throw new HoconException("include is not supported; put the settings in this file.", start);
            }
            segment.Append(spaces);
            spaces = null;
            parts++;
            if (_token.Kind == HoconTokenKind.QuotedString)
            {
                segment.Append(_token.Text);
                quoted = true;
            }
            else
            {
                foreach (var c in _token.Text)
                {
                    if (c != '.')
                    {
                        segment.Append(c);
                        continue;
                    }
                    EndSegment(path, segment, quoted, _token.Position);
                    quoted = false;
                }
            }
            Advance();
        }
        if (parts == 0)
        {
            throw Unexpected("where a key was expected");
        }
        EndSegment(path, segment, quoted, start);
        return path;
    }

    private static void EndSegment(List<string> path, StringBuilder segment, bool quoted, HoconPosition at)
    {
        if (segment.Length == 0 && !quoted)
        {
            throw new HoconException("a key has an empty part: two dots in a row, or a dot at its start or end (quote a key that holds dots).", at);
        }
        path.Add(segment.ToString());
        segment.Clear();
    }

    // A value, or several on one line concatenated: "10 seconds" is one string, { a = 1 } { b = 2 } one object.
    private HoconValue Value(int depth, string what)
    {
        if (depth > MaxDepth)
        {
            throw new HoconException($"{what} nests deeper than {MaxDepth} levels.", _token.Position);
        }
        var start = _token.Position;
        var parts = new List<HoconValue>();
        var text = new StringBuilder();
        string? spaces = null;
        while (true)
        {
            var token = _token;
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    spaces = token.Text;
                    Advance();
                    continue;
                case HoconTokenKind.OpenBrace:
                    Advance();
                    part = Object(token.Position, braced: true, depth);
                    break;
                case HoconTokenKind.OpenBracket:
                    Advance();
                    part = Array(token.Position, depth);
                    break;
                case HoconTokenKind.QuotedString:
                    Advance();
                    part = new HoconScalar(token.Position, HoconScalarKind.String, token.Text);
                    break;
                case HoconTokenKind.Unquoted:
                    Advance();
                    part = Literal(token);
                    break;
                default:
                    return parts.Count > 0 ? Concatenate(parts, text, start) : throw Unexpected($"where the value of {what} was expected");
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
            SkipBlank();
            switch (_token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Advance();
                    return result;
                case HoconTokenKind.End:
                    throw new HoconException($"the '[' at {open} is never closed.", _token.Position);
                case HoconTokenKind.CloseBrace:
                    throw new HoconException($"the '[' at {open} is closed by '}}'.", _token.Position);
            }
            result.Items.Add(Value(depth + 1, "an array element"));
            SkipSpaces();
            switch (_token.Kind)
            {
                case HoconTokenKind.Comma or HoconTokenKind.Newline:
                    Advance();
                    break;
                case HoconTokenKind.CloseBracket or HoconTokenKind.CloseBrace or HoconTokenKind.End:
                    break;
                default:
                    throw Unexpected("after an array element; expected ',' or a new line");
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

    private HoconException Unexpected(string where) => new($"found {_token.Describe()} {where}.", _token.Position);

    private void Advance() => _token = _lexer.Next();

    private void SkipSpaces()
    {
        while (_token.Kind == HoconTokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipBlank()
    {
        while (_token.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Advance();
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
