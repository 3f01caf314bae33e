using Akka.Actor;

namespace Csw.Framework.Internal;

/// <summary>
/// Replacing a handlers instance (after a failed initialize, or on Restart): stops the actors the
/// old instance started (every child of the supervisor but the framework's own) and waits out the
/// backoff; the next instance may initialize once both are done. It may start children under the
/// same names, and must not meet the old instance's still running. Used only from the supervisor's turn.
/// </summary>
internal sealed class HandlerReplacement(IReadOnlyCollection<IActorRef> frameworkChildren)
{
    private const string BackoffTimer = "initialize-backoff";

    /// <summary>The old instance's children not yet stopped.</summary>
    private readonly HashSet<IActorRef> _stopping = [];

    /// <summary>Whether the backoff is still running.</summary>
    private bool _backingOff;

    /// <summary>Whether the next instance may initialize.</summary>
    private bool Done => _stopping.Count == 0 && !_backingOff;

    /// <summary>Starts the replacement; whether the next instance may initialize at once.</summary>
    public bool Begin(IActorContext context, ITimerScheduler timers, TimeSpan backoff)
    {
        foreach (var child in context.GetChildren().Where(child => !frameworkChildren.Contains(child)))
        {
            context.WatchWith(child, new HandlerChildStopped(child));
            context.Stop(child);
            _stopping.Add(child);
        }
        _backingOff = backoff > TimeSpan.Zero;
        if (_backingOff)
        {
            timers.StartSingleTimer(BackoffTimer, new BackoffElapsed(), backoff);
        }
        return Done;
    }

    /// <summary>One of the old instance's children stopped; whether the next instance may initialize now.</summary>
    public bool OnChildStopped(IActorRef child) => _stopping.Remove(child) && Done;

    /// <summary>The backoff is over; whether the next instance may initialize now.</summary>
    public bool OnBackoffElapsed()
    {
        var wasBackingOff = _backingOff;
        _backingOff = false;
        return wasBackingOff && Done;
    }

    /// <summary>Gives the replacement up (the component shuts down).</summary>
    public void Cancel(ITimerScheduler timers)
    {
        timers.Cancel(BackoffTimer);
        _backingOff = false;
    }
}
