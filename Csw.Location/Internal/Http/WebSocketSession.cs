using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Csw.Location.Messages;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>One accepted tracking WebSocket on the server: reads the Track request, streams the events, closes.</summary>
internal sealed class WebSocketSession(WebSocket socket, LocationServerOptions options, ILogger log, string remote)
{
    /// <summary>How long a close handshake may take before the socket is simply dropped.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);

    /// <summary>A receive still running after a timeout; it must end before the next one starts.</summary>
    private Task<ValueWebSocketReceiveResult>? _pendingReceive;

    /// <summary>The first message, a Track request; null when the client left or the socket was closed for bad input.</summary>
    public async Task<Track?> ReadTrackAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var timeout = new CancellationTokenSource(options.RequestTimeout);
        while (true)
        {
            ValueWebSocketReceiveResult result;
            // Not cancelled through its token: cancelling a receive aborts the socket, and the client should hear why it is closed.
            var receive = socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None).AsTask();
            try
            {
                result = await receive.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _pendingReceive = receive;
                await FailAsync(WebSocketCloseStatus.PolicyViolation, "RequestTimeout", $"no Track request within {options.RequestTimeout.TotalSeconds:0.###} s").ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                return null;
            }
            switch (result.MessageType)
            {
                case WebSocketMessageType.Close:
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
                    return null;
                case WebSocketMessageType.Binary:
                    await FailAsync(WebSocketCloseStatus.InvalidMessageType, "BadRequest", "a Track request is a JSON text message; binary (CBOR) is not supported").ConfigureAwait(false);
                    return null;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > options.MaxFrameBytes)
            {
                await FailAsync(WebSocketCloseStatus.MessageTooBig, "MessageTooBig", $"the message is larger than this location server's limit of {options.MaxFrameBytes} bytes").ConfigureAwait(false);
                return null;
            }
            if (result.EndOfMessage)
            {
                break;
            }
        }
        try
        {
            if (LocationJson.Deserialize<LocationStreamRequest>(buffer.WrittenMemory) is Track track)
            {
                return track;
            }
            await FailAsync(WebSocketCloseStatus.PolicyViolation, "BadRequest", "this location server answers only Track requests").ConfigureAwait(false);
            return null;
        }
        catch (CswJsonException e)
        {
            await FailAsync(WebSocketCloseStatus.PolicyViolation, "BadRequest", $"not a Track request: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Sends the events until the client closes, goes quiet past the keep-alive, or the server stops.</summary>
    public async Task StreamAsync(ChannelReader<TrackingEvent> events, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var receiving = DrainUntilCloseAsync();
        var sending = SendAllAsync(events, stop.Token);
        await Task.WhenAny(receiving, sending).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
        if (receiving.IsCompleted)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
        }
        else
        {
            _pendingReceive = receiving;
            await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "the location server is stopping").ConfigureAwait(false);
        }
    }

    /// <summary>Sends each event as a JSON text message until cancelled or the socket fails.</summary>
    private async Task SendAllAsync(ChannelReader<TrackingEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // A client that stops reading fills the socket's buffers; give up on it rather than wait forever.
                using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                sendTimeout.CancelAfter(options.RequestTimeout + options.WebSocketKeepAlive);
                await socket.SendAsync(LocationJson.SerializeToUtf8Bytes(change), WebSocketMessageType.Text, true, sendTimeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Reads (and ignores) whatever the client sends after its Track request until it closes; a
    /// receive must be running for pings, pongs and the close to be seen at all.
    /// </summary>
    private async Task<ValueWebSocketReceiveResult> DrainUntilCloseAsync()
    {
        var scratch = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(scratch.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Gone: aborted, or dropped by the keep-alive when it stopped answering pings.
            log.LogDebug("A tracking client at {Remote} went away: {Reason}", remote, e.Message);
            return default;
        }
    }

    /// <summary>Tells the client what was wrong, in a ServiceError message and in the close reason, and closes.</summary>
    public async Task FailAsync(WebSocketCloseStatus status, string name, string message)
    {
        log.LogWarning("Closed a tracking WebSocket from {Remote}: {Problem}", remote, message);
        try
        {
            using var timeout = new CancellationTokenSource(CloseWait);
            await socket.SendAsync(WireProtocol.ServiceError(name, message), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
        }
        await CloseAsync(status, message).ConfigureAwait(false);
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(CloseWait);
            await socket.CloseOutputAsync(status, Truncate(reason), timeout.Token).ConfigureAwait(false);
            if (_pendingReceive is not null)
            {
                // Let the client's close reply arrive, so that it sees a clean close rather than a reset.
                await _pendingReceive.WaitAsync(CloseWait).ConfigureAwait(false);
            }
            else if (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(new byte[256].AsMemory(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or WebSocketException or IOException)
        {
            socket.Abort();
        }
    }

    /// <summary>A close reason is at most 123 bytes of UTF-8.</summary>
    private static string Truncate(string reason)
    {
        const int max = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= max)
        {
            return reason;
        }
        var cut = reason[..Math.Min(reason.Length, max - 3)];
        while (Encoding.UTF8.GetByteCount(cut) > max - 3)
        {
            cut = cut[..^1];
        }
        return cut + "...";
    }
}
