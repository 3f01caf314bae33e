namespace Csw.Params;

/// <summary>The rule for key names: anything but <c>[</c>, <c>]</c> and <c>/</c>, as in CSW.</summary>
public static class KeyNames
{
    /// <summary>True when <paramref name="name"/> is a valid key name.</summary>
    public static bool IsValid(string? name) => name is not null && name.AsSpan().IndexOfAny("[]/") < 0;

    /// <summary>Returns <paramref name="name"/> if it is valid.</summary>
    /// <exception cref="ArgumentException">The name contains <c>[</c>, <c>]</c> or <c>/</c>.</exception>
    public static string Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsValid(name)
            ? name
            : throw new ArgumentException($"Invalid key name '{name}': a key name cannot contain '[', ']' or '/'.", nameof(name));
    }
}
