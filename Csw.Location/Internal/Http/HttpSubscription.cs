using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>Feeds one tracking WebSocket's events to a callback, one at a time and in order, until disposed.</summary>
internal sealed class HttpSubscription(TrackingSocket socket, Action<TrackingEvent> callback, Connection connection, ILogger log) : IDisposable
{
    /// <summary>Ends the pump; never disposed, as Dispose may cancel it after the pump ended.</summary>
    private readonly CancellationTokenSource _disposed = new();

    public void Start() => _ = PumpAsync();

    public void Dispose() => _disposed.Cancel();

    private async Task PumpAsync()
    {
        // Off the subscriber's thread: Subscribe returns before the first callback runs.
        await Task.Yield();
        await using (socket.ConfigureAwait(false))
        {
            try
            {
                while (true)
                {
                    var change = await socket.NextAsync(_disposed.Token).ConfigureAwait(false);
                    if (_disposed.IsCancellationRequested)
                    {
                        return;
                    }
                    try
                    {
                        callback(change);
                    }
                    catch (Exception e)
                    {
                        log.LogError(e, "A tracking callback for {Connection} failed on {Change}; it stays subscribed", connection, change);
                    }
                }
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
            }
            catch (LocationServerException e)
            {
                log.LogWarning(e, "The subscription to {Connection} ended: {Reason}", connection, e.Message);
            }
        }
    }
}
