namespace Csw.Params;

/// <summary>
/// "Did you mean ...?" for names typed by people: the candidates within a typo or two of a name,
/// as error messages suggest them (units, subsystems, prefixes, handlers classes).
/// </summary>
public static class Spelling
{
    /// <summary>
    /// The edit distance between two names, ignoring case: how many characters must be inserted,
    /// deleted, replaced, or swapped with their neighbour to turn one into the other.
    /// </summary>
    /// <param name="a">One name.</param>
    /// <param name="b">The other.</param>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Optimal string alignment: Levenshtein plus transpositions of adjacent characters, kept in three rows.
        var (before, previous, current) = (new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The candidates close enough to <paramref name="name"/> to be what was meant, nearest first:
    /// those within one edit per three characters (at least one), ignoring case.
    /// </summary>
    /// <param name="name">What was typed.</param>
    /// <param name="candidates">The names that exist.</param>
    /// <param name="max">At most this many.</param>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(1, name.Length / 3);
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(scored => scored.Distance <= limit)
            .OrderBy(scored => scored.Distance)
            .ThenBy(scored => scored.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(scored => scored.Candidate)];
    }

    private static bool Same(char a, char b) => char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
