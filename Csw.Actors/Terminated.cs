namespace Csw.Actors;

/// <summary>A watched actor has stopped (see <see cref="IActorContext{T}.Watch"/>).</summary>
/// <param name="Actor">The actor that stopped.</param>
public sealed record Terminated(ActorRef Actor) : Signal;
