namespace Csw.Actors;

/// <summary>Sent to the failed instance before it is replaced by a new one.</summary>
/// <param name="Cause">The exception that made the actor restart.</param>
public sealed record PreRestart(Exception Cause) : Signal;
