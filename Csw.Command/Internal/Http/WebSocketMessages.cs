using System.Buffers;
using System.Net.WebSockets;

namespace Csw.Command.Internal.Http;

/// <summary>Reads whole WebSocket messages into a reusable buffer, refusing ones above a size limit.</summary>
internal sealed class WebSocketMessages(WebSocket socket, int maxBytes)
{
    /// <summary>The message being assembled; reused from one message to the next.</summary>
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>
    /// The next text or binary message, or null when the peer closed the socket. The memory stays
    /// valid until the next call.
    /// </summary>
    /// <exception cref="MessageTooBigException">The message is larger than the limit.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > maxBytes)
            {
                throw new MessageTooBigException(maxBytes);
            }
            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }

    /// <summary>
    /// The first message, waiting at most <paramref name="timeout"/>; on timeout the socket is closed
    /// with <paramref name="timeoutReason"/> and <c>TimedOut</c> is true. (Cancelling a pending
    /// receive would abort the socket without a word, hence the race.)
    /// </summary>
    public async Task<(bool TimedOut, ReadOnlyMemory<byte>? Message)> ReceiveFirstAsync(TimeSpan timeout, string timeoutReason, CancellationToken cancellationToken)
    {
        var receiving = ReceiveAsync(cancellationToken).AsTask();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expired = Task.Delay(timeout, timer.Token);
        if (await Task.WhenAny(receiving, expired).ConfigureAwait(false) == receiving)
        {
            await timer.CancelAsync().ConfigureAwait(false);
            return (false, await receiving.ConfigureAwait(false));
        }
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, timeoutReason, closing.Token).ConfigureAwait(false);
            // The peer answers the close; that ends the pending receive.
            await receiving.WaitAsync(closing.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or MessageTooBigException or TimeoutException)
        {
            // The peer is gone or does not answer: the connection is dropped anyway.
        }
        return (true, null);
    }

    /// <summary>
    /// <paramref name="reason"/> cut to what a close frame carries: at most 123 bytes of UTF-8 (a
    /// reason may quote the client's input, in any script), ending in "..." when cut.
    /// </summary>
    public static string CloseReason(string reason)
    {
        const int max = 123;
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= max)
        {
            return reason;
        }
        var cut = reason[..Math.Min(reason.Length, max - 3)];
        while (System.Text.Encoding.UTF8.GetByteCount(cut) > max - 3 || (cut.Length > 0 && char.IsHighSurrogate(cut[^1])))
        {
            cut = cut[..^1];
        }
        return cut + "...";
    }

    /// <summary>Closes the socket with a reason if it is still open, ignoring a peer that is already gone.</summary>
    public static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseAsync(status, CloseReason(reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The peer went away first; nothing is left to tell it.
        }
    }
}

/// <summary>A WebSocket message exceeded the configured limit.</summary>
internal sealed class MessageTooBigException(int maxBytes)
    : Exception($"A WebSocket message is larger than the limit of {maxBytes} bytes.")
{
    /// <summary>The limit that was exceeded.</summary>
    public int MaxBytes { get; } = maxBytes;
}

/// <summary>The peer took no message within the send timeout: it stopped reading, and is given up on.</summary>
internal sealed class SendTimeoutException(TimeSpan timeout, Exception? innerException)
    : TimeoutException($"The peer took no message for {timeout.TotalSeconds:0.###} s; it is dropped.", innerException);
