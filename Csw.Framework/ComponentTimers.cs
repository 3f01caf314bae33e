using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>
/// Timers for a component's handlers, e.g. to publish CurrentState periodically. Actions run on
/// the thread pool, not inside a handler call; an action that throws is logged. Every timer is
/// cancelled when the component shuts down or restarts.
/// </summary>
public sealed class ComponentTimers
{
    /// <summary>The live timers; guarded by itself.</summary>
    private readonly HashSet<Timer> _timers = [];

    /// <summary>For failing actions.</summary>
    private readonly ILogger _log;

    internal ComponentTimers(ILogger log) => _log = log;

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>; dispose the result to cancel.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="action">The action.</param>
    public IDisposable ScheduleOnce(TimeSpan delay, Action action) => Start(delay, Timeout.InfiniteTimeSpan, action);

    /// <summary>Runs <paramref name="action"/> every <paramref name="interval"/>, the first after one interval; dispose the result to cancel.</summary>
    /// <param name="interval">The interval, at least 1 ms.</param>
    /// <param name="action">The action.</param>
    public IDisposable SchedulePeriodically(TimeSpan interval, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(1));
        return Start(interval, interval, action);
    }

    /// <summary>Cancels every timer.</summary>
    internal void CancelAll()
    {
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
    }

    /// <summary>How many timers are live (scheduled and neither fired once, disposed nor cancelled).</summary>
    internal int Count
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count;
            }
        }
    }

    private IDisposable Start(TimeSpan delay, TimeSpan period, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var handle = new Handle(this, action, once: period == Timeout.InfiniteTimeSpan);
        lock (_timers)
        {
            handle.Timer = new Timer(static state => ((Handle)state!).Run(), handle, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timers.Add(handle.Timer);
            // Started under the lock, so that CancelAll never disposes a timer between its creation and its start.
            handle.Timer.Change(delay, period);
        }
        return handle;
    }

    /// <summary>Whether a firing timer may run its action; a one-shot timer is forgotten as it fires.</summary>
    private bool BeginRun(Timer timer, bool once)
    {
        lock (_timers)
        {
            // A callback already queued when its timer was cancelled must not run.
            return once ? _timers.Remove(timer) : _timers.Contains(timer);
        }
    }

    private void Remove(Timer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
        timer.Dispose();
    }

    /// <summary>What a caller holds to cancel one timer.</summary>
    private sealed class Handle(ComponentTimers owner, Action action, bool once) : IDisposable
    {
        public Timer Timer { get; set; } = null!;

        public void Run()
        {
            if (!owner.BeginRun(Timer, once))
            {
                return;
            }
            if (once)
            {
                Timer.Dispose();
            }
            try
            {
                action();
            }
            catch (Exception e)
            {
                owner._log.LogError(e, "A component timer's action failed");
            }
        }

        public void Dispose() => owner.Remove(Timer);
    }
}
