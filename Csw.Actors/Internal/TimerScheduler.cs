namespace Csw.Actors.Internal;

/// <summary>
/// An actor's timers. Each start makes a new generation; a firing carries its key and generation
/// and is delivered only if that timer is still the current one, so nothing stale arrives after a
/// cancel, a replacement, a restart or a stop. Used only from the actor's own turn.
/// </summary>
internal sealed class TimerScheduler<T>(ActorRef owner) : ITimerScheduler<T>
{
    /// <summary>The running timers by key.</summary>
    private readonly Dictionary<object, Entry> _timers = [];

    /// <summary>The last generation given out.</summary>
    private int _generation;

    public void StartSingleTimer(object key, T message, TimeSpan delay) => Start(key, message, delay, periodic: false);

    public void StartPeriodicTimer(object key, T message, TimeSpan interval)
    {
        if (interval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer's interval is at least one millisecond.");
        }
        Start(key, message, interval, periodic: true);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }
        _timers.Clear();
    }

    /// <summary>The message of a firing that is still current; a single timer is done with it.</summary>
    public bool TryTakeMessage(TimerFired fired, out T message)
    {
        if (!_timers.TryGetValue(fired.Key, out var entry) || entry.Generation != fired.Generation)
        {
            message = default!;
            return false;
        }
        if (!entry.Periodic)
        {
            _timers.Remove(fired.Key);
            entry.Timer.Dispose();
        }
        message = entry.Message;
        return true;
    }

    private void Start(object key, T message, TimeSpan delay, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A timer's delay cannot be negative.");
        }
        Cancel(key);
        var fired = new FiringSource(owner, key, ++_generation);
        var timer = new Timer(static state => ((FiringSource)state!).Fire(), fired, delay, periodic ? delay : Timeout.InfiniteTimeSpan);
        _timers[key] = new Entry(message, fired.Generation, periodic, timer);
    }

    private sealed record Entry(T Message, int Generation, bool Periodic, Timer Timer);

    /// <summary>What a timer callback needs to post a firing, without touching the scheduler's state.</summary>
    private sealed class FiringSource(ActorRef owner, object key, int generation)
    {
        public int Generation => generation;

        public void Fire() => owner.SendSystem(new TimerFired(key, generation));
    }
}
