using Csw.Command;
using Csw.Params;

namespace Csw.Framework;

/// <summary>
/// What an observer of the cluster hears about a component (<see cref="ComponentObserver"/>): a
/// CurrentState it published, or a change of its lifecycle state. Every component of a cluster
/// member publishes both to its subsystem's topic.
/// </summary>
/// <param name="Component">The component it is about.</param>
public abstract record ComponentEvent(ComponentId Component)
{
    /// <summary>The component published a CurrentState.</summary>
    /// <param name="Component">The component.</param>
    /// <param name="State">The state.</param>
    public sealed record StatePublished(ComponentId Component, CurrentState State) : ComponentEvent(Component);

    /// <summary>The component entered a lifecycle state (Running, RunningOffline, Restart, Shutdown, ...).</summary>
    /// <param name="Component">The component.</param>
    /// <param name="State">Its new lifecycle state.</param>
    public sealed record LifecycleChanged(ComponentId Component, SupervisorLifecycleState State) : ComponentEvent(Component);
}
