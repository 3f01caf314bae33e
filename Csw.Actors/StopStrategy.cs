namespace Csw.Actors;

/// <summary>Stops the failing actor; its watchers are told.</summary>
public sealed record StopStrategy : SupervisorStrategy;
