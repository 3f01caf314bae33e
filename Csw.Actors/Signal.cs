namespace Csw.Actors;

/// <summary>A lifecycle event delivered to <see cref="IActor{T}.OnSignalAsync"/> rather than as a message.</summary>
public abstract record Signal;
