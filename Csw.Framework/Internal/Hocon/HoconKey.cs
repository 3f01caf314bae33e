using System.Text;

namespace Csw.Framework.Internal.Hocon;

/// <summary>
/// Reads a key: quoted and unquoted parts, with any spaces between them kept; dots outside quotes
/// split it into a path (<c>a."b.c".d</c> is a, b.c, d). An unquoted <c>include</c> followed by
/// more is an include statement, which is refused.
/// </summary>
internal static class HoconKey
{
    public static List<string> Read(HoconCursor cursor)
    {
        var path = new List<string>();
        var segment = new StringBuilder();
        var quoted = false;
        var start = cursor.Position;
        var parts = 0;
        string? spaces = null;
        while (cursor.Kind is HoconTokenKind.QuotedString or HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            var token = cursor.Advance();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                spaces = token.Text;
                continue;
            }
            if (parts == 1 && spaces is not null && path.Count == 0 && !quoted && segment.ToString() == "include")
            {
                throw new HoconException("include is not supported; put the settings in this file.", start);
            }
            segment.Append(spaces);
            spaces = null;
            parts++;
            if (token.Kind == HoconTokenKind.QuotedString)
            {
                segment.Append(token.Text);
                quoted = true;
                continue;
            }
            foreach (var c in token.Text)
            {
                if (c == '.')
                {
                    EndSegment(path, segment, quoted, token.Position);
                    quoted = false;
                }
                else
                {
                    segment.Append(c);
                }
            }
        }
        if (parts == 0)
        {
            throw cursor.Unexpected("where a key was expected");
        }
        EndSegment(path, segment, quoted, start);
        return path;
    }

    // A quoted part may be empty (""), an unquoted one may not: a.."b" or a trailing dot is a typo.
    private static void EndSegment(List<string> path, StringBuilder segment, bool quoted, HoconPosition at)
    {
        if (segment.Length == 0 && !quoted)
        {
            throw new HoconException("a key has an empty part: two dots in a row, or a dot at its start or end (quote a key that holds dots).", at);
        }
        path.Add(segment.ToString());
        segment.Clear();
    }
}
