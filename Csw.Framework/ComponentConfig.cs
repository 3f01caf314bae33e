using Csw.Params;

namespace Csw.Framework;

/// <summary>
/// One component of a container's configuration, as in CSW's component configuration: what it
/// is, which handlers class implements it, how it uses the location service and whom it talks to.
/// </summary>
/// <param name="Prefix">The component's prefix, e.g. <c>WFOS.blue.filter</c>.</param>
/// <param name="ComponentType">HCD or Assembly.</param>
/// <param name="HandlerClassName">The full name of its <see cref="ComponentHandlers"/> subclass (CSW's <c>componentHandlerClassName</c>).</param>
public sealed record ComponentConfig(Prefix Prefix, ComponentType ComponentType, string HandlerClassName)
{
    /// <summary>Whether it registers and tracks its connections; both by default.</summary>
    public LocationServiceUsage LocationServiceUsage { get; init; } = LocationServiceUsage.RegisterAndTrackServices;

    /// <summary>The components it talks to.</summary>
    public IReadOnlyList<ComponentId> Connections { get; init; } = [];

    /// <summary>How long its initialize may take; 10 s by default.</summary>
    public TimeSpan InitializeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <see cref="ComponentInfo"/> this configuration describes.</summary>
    public ComponentInfo ToComponentInfo() => new(Prefix, ComponentType)
    {
        Connections = Connections,
        InitializeTimeout = InitializeTimeout,
        LocationServiceUsage = LocationServiceUsage,
    };
}
