using System.Collections.Concurrent;

namespace Csw.Location.Internal.Http;

/// <summary>
/// The tracking WebSockets of one client that are still opening. A change made through the client
/// waits for them, so that a Track or Subscribe begun before it sees it: the server begins tracking
/// before it completes the handshake, but the change travels on another connection and could
/// otherwise overtake the handshake.
/// </summary>
internal sealed class TrackerStarts
{
    /// <summary>The handshakes in flight; each removes itself when done.</summary>
    private readonly ConcurrentDictionary<Task, byte> _opening = new();

    public void Add(Task handshake)
    {
        _opening.TryAdd(handshake, 0);
        _ = handshake.ContinueWith(done => _opening.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the handshakes begun so far, succeeded or failed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_opening.IsEmpty)
        {
            return Task.CompletedTask;
        }
        // Failures are the tracker's business; WhenAll's result is only awaited for completion.
        return Task.WhenAll(_opening.Keys).ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
