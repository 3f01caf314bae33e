namespace Csw.Framework.Internal.Hocon;

/// <summary>The token being looked at, one of look-ahead: the parser never goes back.</summary>
internal sealed class HoconCursor(string text)
{
    private readonly HoconLexer _lexer = new(text);

    private HoconToken? _token;

    public HoconToken Token => _token ??= _lexer.Next();

    public HoconTokenKind Kind => Token.Kind;

    public HoconPosition Position => Token.Position;

    /// <summary>Moves to the next token and returns the one left behind.</summary>
    public HoconToken Advance()
    {
        var left = Token;
        _token = _lexer.Next();
        return left;
    }

    public void SkipSpaces()
    {
        while (Kind == HoconTokenKind.Whitespace)
        {
            Advance();
        }
    }

    /// <summary>Skips spaces and new lines.</summary>
    public void SkipBlank()
    {
        while (Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Advance();
        }
    }

    /// <summary>An error at the current token: "found X {where}".</summary>
    public HoconException Unexpected(string where) => new($"found {Token.Describe()} {where}.", Position);
}
