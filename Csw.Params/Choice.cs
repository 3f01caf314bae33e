namespace Csw.Params;

/// <summary>One value of a choice key, e.g. <c>"red"</c>; a bare string on the wire.</summary>
public readonly record struct Choice
{
    private readonly string? _name;

    /// <summary>Creates a choice.</summary>
    public Choice(string name) => _name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The choice's name; empty for <c>default</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>Lets a string stand for a choice.</summary>
    public static implicit operator Choice(string name) => new(name);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
