namespace Csw.Params.Internal;

/// <summary>
/// What an unknown unit was probably meant to be. People write symbols (<c>K</c>, <c>Hz</c>,
/// <c>deg</c>), but CSW's wire format names units by identifier (<c>kelvin</c>, <c>hertz</c>,
/// <c>degree</c>), so a symbol is the likeliest mistake, then a typo.
/// </summary>
internal static class UnitHints
{
    /// <summary>"unknown units 'K'; did you mean kelvin (K)?": what is wrong with <paramref name="text"/>, and the likeliest units meant if any.</summary>
    /// <param name="text">The units as written.</param>
    /// <param name="unknown">How the message starts: "unknown" within a longer message, "Unknown" at a sentence's start.</param>
    public static string Unknown(string text, string unknown = "unknown")
    {
        var bySymbol = Units.All.Where(u => u.Name == text).ToList();
        if (bySymbol.Count == 0)
        {
            bySymbol = [.. Units.All.Where(u => u.Name.Equals(text, StringComparison.OrdinalIgnoreCase))];
        }
        var meant = bySymbol.Count > 0
            ? bySymbol
            : [.. Spelling.Nearest(text, Units.All.Select(u => u.Identifier).Concat(Units.All.Select(u => u.Name)))
                .SelectMany(near => Units.All.Where(u => u.Identifier == near || u.Name == near))
                .Distinct()
                .Take(3)];
        return meant.Count == 0 ? $"{unknown} units '{text}'" : $"{unknown} units '{text}'; did you mean {string.Join(" or ", meant.Select(u => u.Identifier == u.Name ? u.Identifier : $"{u.Identifier} ({u.Name})"))}?";
    }
}
