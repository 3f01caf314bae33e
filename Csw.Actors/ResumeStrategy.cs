namespace Csw.Actors;

/// <summary>Keeps the actor and its state, drops the failing message and goes on.</summary>
public sealed record ResumeStrategy : SupervisorStrategy;
