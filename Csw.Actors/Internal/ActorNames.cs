namespace Csw.Actors.Internal;

/// <summary>Checks actor and system names, and makes names for unnamed actors.</summary>
internal static class ActorNames
{
    /// <summary>Source of generated names; process-wide so that names are unique per parent.</summary>
    private static long _next;

    /// <summary>A fresh name, <c>$</c> and a number; user names cannot start with <c>$</c>.</summary>
    public static string Generate() => "$" + Interlocked.Increment(ref _next).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="name"/> is a usable actor name.</summary>
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("An actor name cannot be empty.");
        }
        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name '{name}' starts with '$', which is kept for generated names.");
        }
        foreach (var c in name)
        {
            if (c is '/' or '#' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidActorNameException($"Actor name '{name}' contains '{c}'; names cannot contain '/', '#', whitespace or control characters.");
            }
        }
    }
}
