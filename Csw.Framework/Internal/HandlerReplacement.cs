using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Replacing a handlers instance (after a failed initialize, or on Restart): stops the actors the
/// old instance started (every child of the supervisor but the framework's own), waits for the old
/// instance's InitializeAsync if it outlived its timeout (at most a shutdown timeout more; then
/// <see cref="OldInitializeOverdue"/>), and waits out the backoff; the next instance may initialize
/// once all are done. It may start children under the same names, and must not meet the old
/// instance still at work (the restart fence). Used only from the supervisor's turn.
/// </summary>
internal sealed class HandlerReplacement(IReadOnlyCollection<IActorRef> frameworkChildren)
{
    private const string BackoffTimer = "initialize-backoff";

    private const string OverdueTimer = "old-initialize-overdue";

    /// <summary>The old instance's children not yet stopped.</summary>
    private readonly HashSet<IActorRef> _stopping = [];

    /// <summary>Whether the backoff is still running.</summary>
    private bool _backingOff;

    /// <summary>The old instance's InitializeAsync still running after its timeout; null when none.</summary>
    private Task? _oldInitialize;

    /// <summary>Whether the next instance may initialize.</summary>
    private bool Done => _stopping.Count == 0 && !_backingOff && _oldInitialize is null;

    /// <summary>Starts the replacement; whether the next instance may initialize at once.</summary>
    /// <param name="context">The supervisor's context.</param>
    /// <param name="timers">The supervisor's timers.</param>
    /// <param name="backoff">The wait before the next attempt.</param>
    /// <param name="oldInitialize">The old instance's own InitializeAsync task, if any: the fence waits for it.</param>
    /// <param name="overdue">How long to wait for it at most.</param>
    /// <param name="log">The component's logger.</param>
    public bool Begin(IActorContext context, ITimerScheduler timers, TimeSpan backoff, Task? oldInitialize, TimeSpan overdue, ILogger log)
    {
        if (oldInitialize is { IsCompleted: false })
        {
            _oldInitialize = oldInitialize;
            var self = context.Self;
            oldInitialize.ContinueWith(task => self.Tell(new OldInitializeEnded(task)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            timers.StartSingleTimer(OverdueTimer, new OldInitializeOverdue(oldInitialize), overdue);
            log.LogWarning("{Component}: the old handlers' InitializeAsync still runs after its timeout; the next instance waits until it ends", context.Self.Path.Name);
        }
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

    /// <summary>Whether the fence still waits for <paramref name="initializing"/>.</summary>
    public bool IsWaitingFor(Task initializing) => _oldInitialize == initializing;

    /// <summary>The old instance's InitializeAsync ended; whether the next instance may initialize now.</summary>
    public bool OnOldInitializeEnded(Task initializing)
    {
        if (_oldInitialize != initializing)
        {
            return false;
        }
        _oldInitialize = null;
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
        timers.Cancel(OverdueTimer);
        _backingOff = false;
        _oldInitialize = null;
    }
}
