using Csw.Actors;
using Csw.Command;

namespace Csw.Framework;

/// <summary>A component's supervisor entered a new lifecycle state.</summary>
/// <param name="Component">The component's supervisor.</param>
/// <param name="State">The new state.</param>
public sealed record LifecycleStateChanged(ActorRef<ComponentMessage> Component, SupervisorLifecycleState State);
