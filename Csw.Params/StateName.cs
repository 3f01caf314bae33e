namespace Csw.Params;

/// <summary>The name of a <see cref="CurrentState"/> or <see cref="DemandState"/>; a bare string on the wire.</summary>
public readonly record struct StateName
{
    private readonly string? _name;

    /// <summary>Creates a state name.</summary>
    public StateName(string name) => _name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The name; empty for <c>default</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>Lets a string stand for a state name.</summary>
    public static implicit operator StateName(string name) => new(name);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
