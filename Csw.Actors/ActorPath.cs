namespace Csw.Actors;

/// <summary>
/// Where an actor sits in its system's tree, e.g. <c>csw://demo/user/wheel/motor</c>.
/// Paths are for people and logs; actors are told apart by their <see cref="ActorRef"/>.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    internal ActorPath(ActorPath? parent, string name, string systemName)
    {
        Parent = parent;
        Name = name;
        SystemName = systemName;
    }

    /// <summary>The parent's path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element, the actor's name.</summary>
    public string Name { get; }

    /// <summary>The name of the actor system.</summary>
    public string SystemName { get; }

    /// <summary>Makes the path of a child of this path.</summary>
    internal ActorPath Child(string name) => new(this, name, SystemName);

    /// <inheritdoc />
    public override string ToString() => _text ??= Parent is null ? $"csw://{SystemName}/{Name}" : $"{Parent}/{Name}";

    /// <inheritdoc />
    public bool Equals(ActorPath? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
