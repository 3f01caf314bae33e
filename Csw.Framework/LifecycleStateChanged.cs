using Akka.Actor;

namespace Csw.Framework;

/// <summary>A component's supervisor entered a new lifecycle state.</summary>
/// <param name="Component">The component's supervisor.</param>
/// <param name="State">The new state.</param>
public sealed record LifecycleStateChanged(IActorRef Component, SupervisorLifecycleState State);
