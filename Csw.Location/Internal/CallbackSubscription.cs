using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal;

/// <summary>Feeds a tracker's events to a callback, one at a time and in order, until disposed.</summary>
internal sealed class CallbackSubscription(Tracker tracker, Action<TrackingEvent> callback, Action<Tracker> stop, ILogger log) : IDisposable
{
    /// <summary>Ends the pump; never disposed, as it has no timer and Dispose may cancel it after the pump ended.</summary>
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>1 once disposed.</summary>
    private int _disposedFlag;

    public void Start() => _ = PumpAsync();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposedFlag, 1) == 0)
        {
            _disposed.Cancel();
            stop(tracker);
        }
    }

    private async Task PumpAsync()
    {
        // Off the subscriber's thread: Subscribe returns before the first callback runs.
        await Task.Yield();
        try
        {
            while (await tracker.Reader.WaitToReadAsync(_disposed.Token).ConfigureAwait(false))
            {
                while (!_disposed.IsCancellationRequested && tracker.Reader.TryRead(out var change))
                {
                    try
                    {
                        callback(change);
                    }
                    catch (Exception e)
                    {
                        log.LogError(e, "A tracking callback for {Connection} failed on {Change}; it stays subscribed", tracker.Connection, change);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
