namespace Csw.Framework.Internal.Hocon;

/// <summary>What a <see cref="HoconToken"/> is.</summary>
internal enum HoconTokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Equals,
    Colon,
    QuotedString,
    Unquoted,
}

/// <summary>One token of HOCON text; <see cref="Text"/> is a string's value (escapes resolved) or the raw text.</summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, HoconPosition Position)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "the end of the file",
        HoconTokenKind.Newline => "a new line",
        HoconTokenKind.Whitespace => "a space",
        HoconTokenKind.QuotedString => $"the string \"{Shorten(Text)}\"",
        HoconTokenKind.Unquoted => $"'{Shorten(Text)}'",
        _ => $"'{Text}'",
    };

    /// <summary>Text as an error message quotes it: at most 40 characters.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
