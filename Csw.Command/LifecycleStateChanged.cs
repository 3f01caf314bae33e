using Akka.Actor;

namespace Csw.Command;

/// <summary>A component's supervisor entered a new lifecycle state.</summary>
/// <param name="Component">The component's supervisor.</param>
/// <param name="State">The new state.</param>
public sealed record LifecycleStateChanged(IActorRef Component, SupervisorLifecycleState State)
{
    /// <summary>
    /// Why, for a <see cref="SupervisorLifecycleState.Shutdown"/> that was not asked for: the
    /// component could not start (its initialize kept failing, or it could not register its
    /// location), in words naming the cause. Null otherwise.
    /// </summary>
    public string? Reason { get; init; }
}
