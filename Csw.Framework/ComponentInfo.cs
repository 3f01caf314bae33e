using Csw.Params;

namespace Csw.Framework;

/// <summary>What a component is: its prefix and type, and how long it may take to initialize.</summary>
public sealed record ComponentInfo
{
    /// <summary>Describes a component.</summary>
    /// <param name="prefix">The component's prefix, e.g. <c>WFOS.blue.filter</c>.</param>
    /// <param name="componentType">HCD, Assembly, ...</param>
    public ComponentInfo(Prefix prefix, ComponentType componentType)
    {
        Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        ComponentType = componentType;
    }

    /// <summary>The component's prefix.</summary>
    public Prefix Prefix { get; init; }

    /// <summary>The component's type.</summary>
    public ComponentType ComponentType { get; init; }

    /// <summary>How long <see cref="ComponentHandlers.InitializeAsync"/> may take before it counts as failed; 10 s.</summary>
    public TimeSpan InitializeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The components this one talks to (e.g. an Assembly's HCDs).</summary>
    public IReadOnlyList<ComponentId> Connections { get; init; } = [];

    /// <summary>Whether the component registers itself and tracks its connections; both by default.</summary>
    public LocationServiceUsage LocationServiceUsage { get; init; } = LocationServiceUsage.RegisterAndTrackServices;

    /// <inheritdoc />
    public override string ToString() => $"{ComponentType} {Prefix}";
}
