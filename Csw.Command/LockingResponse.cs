namespace Csw.Command;

/// <summary>Answers to <see cref="SupervisorMessage.Lock"/> and <see cref="SupervisorMessage.Unlock"/>, and lease notices to the lock owner.</summary>
public abstract record LockingResponse
{
    /// <summary>The lock is held by the requester (newly, or with its lease extended).</summary>
    public sealed record LockAcquired : LockingResponse;

    /// <summary>Another prefix holds the lock.</summary>
    /// <param name="Reason">Who holds it.</param>
    public sealed record AcquiringLockFailed(string Reason) : LockingResponse;

    /// <summary>The lock was released.</summary>
    public sealed record LockReleased : LockingResponse;

    /// <summary>There was no lock to release.</summary>
    public sealed record LockAlreadyReleased : LockingResponse;

    /// <summary>The requester may not release the lock.</summary>
    /// <param name="Reason">Who holds it.</param>
    public sealed record ReleasingLockFailed(string Reason) : LockingResponse;

    /// <summary>The lease ran out; the component is unlocked (sent to the owner).</summary>
    public sealed record LockExpired : LockingResponse;

    /// <summary>The lease runs out soon (sent to the owner at lease − lease/10); lock again to extend it.</summary>
    public sealed record LockExpiringShortly : LockingResponse;
}
