namespace Csw.Actors.Internal;

/// <summary>Counts restarts within a sliding window, to stop an actor that keeps failing.</summary>
internal sealed class RestartCounter
{
    /// <summary>When each restart in the window happened, oldest first.</summary>
    private readonly Queue<long> _restarts = new();

    /// <summary>Restarts already in the window (before the one asked for).</summary>
    public int InWindow => _restarts.Count;

    /// <summary>Counts one more restart if the strategy allows it within its window.</summary>
    public bool TryCount(RestartStrategy strategy)
    {
        var now = Environment.TickCount64;
        var windowStart = now - (long)strategy.Within.TotalMilliseconds;
        while (_restarts.Count > 0 && _restarts.Peek() < windowStart)
        {
            _restarts.Dequeue();
        }
        if (_restarts.Count >= strategy.MaxRestarts)
        {
            return false;
        }
        _restarts.Enqueue(now);
        return true;
    }
}
