namespace Csw.Params;

/// <summary>The name of a command, e.g. <c>move</c>; a bare string on the wire.</summary>
public readonly record struct CommandName
{
    private readonly string? _name;

    /// <summary>Creates a command name.</summary>
    public CommandName(string name) => _name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The name; empty for <c>default</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>Lets a string stand for a command name: <c>new Setup(prefix, "move")</c>.</summary>
    public static implicit operator CommandName(string name) => new(name);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
