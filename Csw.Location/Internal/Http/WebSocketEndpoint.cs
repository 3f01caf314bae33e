using System.Threading.Channels;
using Csw.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>
/// <c>/websocket-endpoint</c>: a client sends <c>{"_type": "Track", "connection": {...}}</c> and gets
/// the connection's tracking events, one JSON text message each, until either side closes. A bad
/// request gets a <c>ServiceError</c> message and a close whose reason says what was wrong.
/// </summary>
internal sealed class WebSocketEndpoint(ILocationService backend, LocationServerOptions options, ILogger log, CancellationToken stopping)
{
    /// <summary>Events a slow client may fall behind before its oldest are dropped, as the backend's trackers.</summary>
    private const int BufferedEvents = 256;

    /// <summary>The tracking WebSockets open now.</summary>
    private readonly Slots _open = new(options.MaxWebSockets);

    /// <summary>How many tracking WebSockets are open now.</summary>
    public int Open => _open.Taken;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest",
                $"{WireProtocol.WebSocketPath} takes WebSocket connections; once connected, send {{\"_type\":\"Track\",\"connection\":{{...}}}}").ConfigureAwait(false);
            return;
        }
        if (!_open.TryTake())
        {
            log.LogWarning("Refused a tracking WebSocket from {Remote}: {Count} are open", context.Connection.RemoteIpAddress, _open.Capacity);
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "TooManyWebSockets",
                $"this location server has {_open.Capacity} tracking WebSockets open, the most it takes; try again later").ConfigureAwait(false);
            return;
        }
        try
        {
            await TrackAsync(context).ConfigureAwait(false);
        }
        finally
        {
            _open.Release();
        }
    }

    private async Task TrackAsync(HttpContext context)
    {
        Connection? connection = null;
        if (context.Request.Query.TryGetValue(WireProtocol.TrackQuery, out var name))
        {
            try
            {
                connection = Connection.Parse(name.ToString());
            }
            catch (FormatException e)
            {
                await WireProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"query parameter '{WireProtocol.TrackQuery}': {e.Message}").ConfigureAwait(false);
                return;
            }
        }
        var events = Channel.CreateBounded<TrackingEvent>(new BoundedChannelOptions(BufferedEvents) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        // Subscribe has begun tracking when it returns: with the connection named in the upgrade
        // request, tracking begins before the handshake completes, so the client misses nothing.
        IDisposable? subscription = null;
        if (connection is not null)
        {
            try
            {
                subscription = backend.Subscribe(connection, change => events.Writer.TryWrite(change));
            }
            catch (Exception e)
            {
                log.LogError(e, "The location service could not track {Connection}", connection);
                await WireProtocol.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, e.GetType().Name, $"tracking {connection} failed: {e.Message}").ConfigureAwait(false);
                return;
            }
        }
        try
        {
            var keepAlive = options.WebSocketKeepAlive;
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = keepAlive, KeepAliveTimeout = keepAlive }).ConfigureAwait(false);
            var session = new WebSocketSession(socket, options, log, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            if (subscription is null)
            {
                var track = await session.ReadTrackAsync().ConfigureAwait(false);
                if (track is null)
                {
                    return;
                }
                try
                {
                    subscription = backend.Subscribe(track.Connection, change => events.Writer.TryWrite(change));
                }
                catch (Exception e)
                {
                    log.LogError(e, "The location service could not track {Connection}", track.Connection);
                    await session.FailAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, e.GetType().Name, $"tracking {track.Connection} failed: {e.Message}").ConfigureAwait(false);
                    return;
                }
            }
            await session.StreamAsync(events.Reader, stopping).ConfigureAwait(false);
        }
        finally
        {
            subscription?.Dispose();
        }
    }
}
