using Akka.Actor;
using Csw.Command;
using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// A component's lock: who holds it and until when. Used only from the supervisor's turn; lease
/// notices are the supervisor's own timers, so none arrives after an unlock or a re-lock.
/// </summary>
internal sealed class LockManager(Prefix adminPrefix)
{
    private const string ExpiringKey = "lock-expiring";
    private const string ExpiredKey = "lock-expired";

    /// <summary>The prefix holding the lock; null when unlocked.</summary>
    private Prefix? _owner;

    /// <summary>The current lease's length.</summary>
    private TimeSpan _lease;

    /// <summary>Where the owner's lease notices go.</summary>
    private IActorRef? _ownerReplyTo;

    /// <summary>Whether a command from <paramref name="source"/> may run: unlocked, or from the owner or the admin.</summary>
    public bool Allows(Prefix source) => _owner is null || source == _owner || source == adminPrefix;

    public void Lock(ITimerScheduler timers, SupervisorMessage.Lock request)
    {
        if (_owner is not null && request.Source != _owner)
        {
            request.ReplyTo.Tell(new LockingResponse.AcquiringLockFailed($"Invalid source {request.Source} for acquiring lock: currently it is acquired by component {_owner}."));
            return;
        }
        if (request.LeaseDuration <= TimeSpan.Zero)
        {
            request.ReplyTo.Tell(new LockingResponse.AcquiringLockFailed($"A lease must be positive, not {request.LeaseDuration}."));
            return;
        }
        _owner = request.Source;
        _ownerReplyTo = request.ReplyTo;
        _lease = request.LeaseDuration;
        // The expiry timer starts when the warning fires, so the owner always hears them in that order.
        timers.Cancel(ExpiredKey);
        timers.StartSingleTimer(ExpiringKey, new LockLeaseTimer(Expired: false), _lease - (_lease / 10));
        request.ReplyTo.Tell(new LockingResponse.LockAcquired());
    }

    public void Unlock(ITimerScheduler timers, SupervisorMessage.Unlock request)
    {
        if (_owner is null)
        {
            request.ReplyTo.Tell(new LockingResponse.LockAlreadyReleased());
        }
        else if (request.Source == _owner || request.Source == adminPrefix)
        {
            Release(timers);
            request.ReplyTo.Tell(new LockingResponse.LockReleased());
        }
        else
        {
            request.ReplyTo.Tell(new LockingResponse.ReleasingLockFailed($"Invalid source {request.Source} for releasing lock: currently it is acquired by component {_owner}."));
        }
    }

    public void OnLeaseTimer(ITimerScheduler timers, LockLeaseTimer timer)
    {
        if (_ownerReplyTo is not { } owner)
        {
            return;
        }
        if (timer.Expired)
        {
            Release(timers);
            owner.Tell(new LockingResponse.LockExpired());
        }
        else
        {
            owner.Tell(new LockingResponse.LockExpiringShortly());
            timers.StartSingleTimer(ExpiredKey, new LockLeaseTimer(Expired: true), _lease / 10);
        }
    }

    private void Release(ITimerScheduler timers)
    {
        _owner = null;
        _ownerReplyTo = null;
        timers.Cancel(ExpiringKey);
        timers.Cancel(ExpiredKey);
    }
}
