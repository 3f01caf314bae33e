using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>
/// Feeds a connection's tracking events, read from a location server's WebSocket, to a callback,
/// one at a time and in order, until disposed. When the socket breaks (the server restarts, the
/// network fails), it opens another after a pause that doubles up to <see cref="MaxDelay"/>, and
/// resumes: what changed meanwhile is reported, and the current location is not reported twice.
/// (A change made in the moment between the new socket's start and the catching up may be
/// reported twice; the last event is always the current state.)
/// </summary>
internal sealed class HttpSubscription(
    TrackingSocket first,
    Func<CancellationToken, TrackingSocket> reopen,
    Func<CancellationToken, Task<Location?>> find,
    Action<TrackingEvent> callback,
    Connection connection,
    ILogger log) : IDisposable
{
    /// <summary>The first pause before opening another socket.</summary>
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between attempts.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Ends the pump; never disposed, as Dispose may cancel it after the pump ended.</summary>
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>The last event handed to the callback, null before the first.</summary>
    private TrackingEvent? _last;

    /// <summary>Set after reopening: the new stream's first event is the current location, which may be the one last reported.</summary>
    private bool _mayRepeat;

    public void Start() => _ = PumpAsync();

    public void Dispose() => _disposed.Cancel();

    private async Task PumpAsync()
    {
        // Off the subscriber's thread: Subscribe returns before the first callback runs.
        await Task.Yield();
        var stop = _disposed.Token;
        var socket = first;
        var delay = FirstDelay;
        var failures = 0;
        try
        {
            while (true)
            {
                try
                {
                    await using (socket.ConfigureAwait(false))
                    {
                        if (failures > 0)
                        {
                            await CatchUpAsync(socket, stop).ConfigureAwait(false);
                            log.LogInformation("Tracking {Connection} resumed after {Failures} failed attempts", connection, failures);
                            (failures, delay) = (0, FirstDelay);
                        }
                        while (true)
                        {
                            Deliver(await socket.NextAsync(stop).ConfigureAwait(false));
                        }
                    }
                }
                catch (LocationServiceException e) when (!stop.IsCancellationRequested)
                {
                    if (failures++ == 0)
                    {
                        log.LogWarning(e, "The tracking of {Connection} broke ({Reason}); opening it again", connection, e.Message);
                    }
                    else
                    {
                        log.LogDebug("Tracking {Connection} again failed ({Reason}); next attempt in {Delay} ms", connection, e.Message, delay.TotalMilliseconds);
                    }
                }
                await Task.Delay(delay, stop).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
                socket = reopen(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "The subscription to {Connection} failed and ended", connection);
        }
    }

    // The stream of a new socket begins with the current location, or with nothing when there is
    // none: a removal made while no socket was open is learnt by asking once tracking has begun.
    private async Task CatchUpAsync(TrackingSocket socket, CancellationToken stop)
    {
        await socket.OpenedAsync(stop).ConfigureAwait(false);
        var current = await find(stop).ConfigureAwait(false);
        _mayRepeat = true;
        if (current is null && _last is LocationUpdated)
        {
            Deliver(new LocationRemoved(connection));
        }
    }

    private void Deliver(TrackingEvent change)
    {
        if (_mayRepeat)
        {
            _mayRepeat = false;
            if (change == _last)
            {
                return;
            }
        }
        _last = change;
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
