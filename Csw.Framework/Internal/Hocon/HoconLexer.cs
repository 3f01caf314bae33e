using System.Globalization;
using System.Text;

namespace Csw.Framework.Internal.Hocon;

/// <summary>
/// Splits HOCON text into tokens, one pass, each character looked at a bounded number of times.
/// Comments (<c>#</c> and <c>//</c> to the end of the line) are dropped; the new line after
/// them is kept, since new lines separate fields and array elements.
/// </summary>
internal sealed class HoconLexer(string text)
{
    // Characters HOCON does not allow in unquoted text.
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private int _index;

    private int _line = 1;

    private int _column = 1;

    public HoconToken Next()
    {
        SkipComment();
        var start = new HoconPosition(_line, _column);
        if (_index >= text.Length)
        {
            return new HoconToken(HoconTokenKind.End, "", start);
        }
        var c = text[_index];
        if (c == '\n')
        {
            Advance();
            return new HoconToken(HoconTokenKind.Newline, "\n", start);
        }
        if (IsWhitespace(c))
        {
            return Whitespace(start);
        }
        var single = c switch
        {
            '{' => HoconTokenKind.OpenBrace,
            '}' => HoconTokenKind.CloseBrace,
            '[' => HoconTokenKind.OpenBracket,
            ']' => HoconTokenKind.CloseBracket,
            ',' => HoconTokenKind.Comma,
            '=' => HoconTokenKind.Equals,
            ':' => HoconTokenKind.Colon,
            _ => HoconTokenKind.End,
        };
        if (single != HoconTokenKind.End)
        {
            Advance();
            return new HoconToken(single, c.ToString(), start);
        }
        if (c == '"')
        {
            return At(2) == '"' && At(1) == '"' ? TripleQuoted(start) : Quoted(start);
        }
        if (c == '$' && At(1) == '{')
        {
            throw new HoconException("substitutions (${...}) are not supported; write the value itself.", start);
        }
        if (c == '+' && At(1) == '=')
        {
            throw new HoconException("'+=' is not supported; write the whole array.", start);
        }
        if (Forbidden.Contains(c, StringComparison.Ordinal))
        {
            throw new HoconException($"'{c}' is not allowed outside quotes; put the text in double quotes.", start);
        }
        return Unquoted(start);
    }

    private void SkipComment()
    {
        if (_index < text.Length && (text[_index] == '#' || (text[_index] == '/' && At(1) == '/')))
        {
            while (_index < text.Length && text[_index] != '\n')
            {
                Advance();
            }
        }
    }

    private HoconToken Whitespace(HoconPosition start)
    {
        var from = _index;
        while (_index < text.Length && text[_index] != '\n' && IsWhitespace(text[_index]))
        {
            Advance();
        }
        return new HoconToken(HoconTokenKind.Whitespace, text[from.._index], start);
    }

    private HoconToken Unquoted(HoconPosition start)
    {
        var from = _index;
        var number = text[_index] is '-' or (>= '0' and <= '9');
        while (_index < text.Length)
        {
            var c = text[_index];
            // A JSON number's exponent sign, as in 1e+5, is not the forbidden '+'.
            var exponentSign = number && c == '+' && text[_index - 1] is 'e' or 'E';
            if (c == '\n' || IsWhitespace(c) || (Forbidden.Contains(c, StringComparison.Ordinal) && !exponentSign) || (c == '/' && At(1) == '/'))
            {
                break;
            }
            Take(Width());
        }
        return new HoconToken(HoconTokenKind.Unquoted, text[from.._index], start);
    }

    private HoconToken Quoted(HoconPosition start)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_index >= text.Length || text[_index] == '\n')
            {
                throw new HoconException($"the string that starts at {start} is not closed on its line; end it with '\"'.", new HoconPosition(_line, _column));
            }
            var c = text[_index];
            if (c == '"')
            {
                Advance();
                return new HoconToken(HoconTokenKind.QuotedString, value.ToString(), start);
            }
            if (c < ' ')
            {
                throw new HoconException($"a control character (U+{(int)c:X4}) is not allowed in a quoted string; write it as an escape such as \\t.", new HoconPosition(_line, _column));
            }
            if (c == '\\')
            {
                value.Append(Escape());
                continue;
            }
            var width = Width();
            value.Append(text, _index, width);
            Take(width);
        }
    }

    private HoconToken TripleQuoted(HoconPosition start)
    {
        Take(3);
        var from = _index;
        while (true)
        {
            if (_index >= text.Length)
            {
                throw new HoconException($"the \"\"\" string that starts at {start} is never closed.", new HoconPosition(_line, _column));
            }
            // The last three quotes of a run close the string; quotes before them belong to it.
            if (text[_index] == '"' && At(1) == '"' && At(2) == '"' && At(3) != '"')
            {
                var value = text[from.._index];
                Take(3);
                return new HoconToken(HoconTokenKind.QuotedString, value, start);
            }
            Take(Width());
        }
    }

    private string Escape()
    {
        var at = new HoconPosition(_line, _column);
        Advance();
        if (_index >= text.Length)
        {
            throw new HoconException("the file ends inside a quoted string.", at);
        }
        var c = text[_index];
        Advance();
        switch (c)
        {
            case '"' or '\\' or '/':
                return c.ToString();
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u':
                var unit = Hex4(at);
                if (char.IsHighSurrogate(unit) && At(0) == '\\' && At(1) == 'u')
                {
                    var low = new HoconPosition(_line, _column);
                    Take(2);
                    var second = Hex4(low);
                    return char.IsLowSurrogate(second) ? string.Concat(unit.ToString(), second.ToString())
                        : throw new HoconException("an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF) is not text.", at);
                }
                return char.IsSurrogate(unit) ? throw new HoconException("an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF) is not text.", at) : unit.ToString();
            default:
                throw new HoconException("a backslash starts an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX.", at);
        }
    }

    private char Hex4(HoconPosition at)
    {
        if (_index + 4 <= text.Length && ushort.TryParse(text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
        {
            Take(4);
            return (char)unit;
        }
        throw new HoconException("\\u is followed by four hexadecimal digits.", at);
    }

    // How many chars the next character takes: two for a surrogate pair. A lone surrogate is not
    // text: it could not be written out as JSON nor compared as a name.
    private int Width()
    {
        var c = text[_index];
        if (!char.IsSurrogate(c))
        {
            return 1;
        }
        return char.IsHighSurrogate(c) && char.IsLowSurrogate(At(1))
            ? 2
            : throw new HoconException("the text holds an unpaired UTF-16 surrogate.", new HoconPosition(_line, _column));
    }

    private void Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Advance();
        }
    }

    private char At(int offset) => _index + offset < text.Length ? text[_index + offset] : '\0';

    private void Advance()
    {
        if (text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _index++;
    }

    private static bool IsWhitespace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
