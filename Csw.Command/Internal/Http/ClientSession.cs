using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Csw.Command.Internal.Http;

/// <summary>
/// One open session socket of a client: what is waiting for an answer, the reader that hands
/// answers out, and the writer. When the socket breaks, everything waiting fails with
/// <see cref="ConnectionLostException"/> and the transport opens a new session on next use.
/// </summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private readonly Uri _uri;

    private readonly int _maxMessageBytes;

    /// <summary>Requests and streams waiting for envelopes, by id.</summary>
    private readonly ConcurrentDictionary<long, Pending> _pending = new();

    private readonly FrameSender _sender;

    private readonly CancellationTokenSource _closing = new();

    private readonly Task _reading;

    /// <summary>Disposes once.</summary>
    private int _disposed;

    public ClientSession(WebSocket socket, Uri uri, CommandServiceOptions options)
    {
        _socket = socket;
        _uri = uri;
        _maxMessageBytes = options.MaxMessageBytes;
        // A failed write (a server that stopped reading included) breaks the socket; the reader then
        // notices and fails whoever waits.
        _sender = new FrameSender(socket, options.Timeout, _ => socket.Abort());
        _reading = ReadAsync();
    }

    /// <summary>False once the socket broke or the session was disposed.</summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>Registers what waits for envelope <paramref name="id"/>, then sends <paramref name="request"/>.</summary>
    public void Start(long id, Pending pending, Outgoing request)
    {
        _pending[id] = pending;
        if (!IsOpen)
        {
            _pending.TryRemove(id, out _);
            pending.Fail(new ConnectionLostException($"The session with {_uri} is closed."));
            return;
        }
        _sender.Send(request);
    }

    /// <summary>Stops waiting for <paramref name="id"/> (its answer, if it comes, is dropped).</summary>
    public void Forget(long id) => _pending.TryRemove(id, out _);

    /// <summary>Stops waiting for <paramref name="id"/> and tells the server to stop its work.</summary>
    public void Cancel(long id)
    {
        if (_pending.TryRemove(id, out _))
        {
            _sender.Send(new Outgoing(id, EnvelopeKind.Cancel, null));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        IsOpen = false;
        if (await _sender.CompleteAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false))
        {
            await WebSocketMessages.CloseQuietlyAsync(_socket, WebSocketCloseStatus.NormalClosure, "Client done.").ConfigureAwait(false);
        }
        else
        {
            _socket.Abort();
        }
        await _closing.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task ReadAsync()
    {
        var messages = new WebSocketMessages(_socket, _maxMessageBytes);
        var envelopes = new List<Envelope>();
        Exception? failure = null;
        try
        {
            while (await messages.ReceiveAsync(_closing.Token).ConfigureAwait(false) is { } frame)
            {
                envelopes.Clear();
                SessionFrames.Parse(frame.Span, envelopes);
                foreach (var envelope in envelopes)
                {
                    Deliver(envelope, frame.Span.Slice(envelope.Start, envelope.Length));
                }
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        IsOpen = false;
        var why = failure is null or OperationCanceledException
            ? $"The session with {_uri} was closed ({_socket.CloseStatus}: {_socket.CloseStatusDescription})."
            : $"The session with {_uri} broke: {failure.Message}";
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Fail(new ConnectionLostException(why, failure));
            }
        }
    }

    private void Deliver(Envelope envelope, ReadOnlySpan<byte> payload)
    {
        if (!_pending.TryGetValue(envelope.Id, out var pending))
        {
            return; // Forgotten or cancelled: nobody waits for it any more.
        }
        if (envelope.Problem is { } problem)
        {
            _pending.TryRemove(envelope.Id, out _);
            pending.Fail(new CommandServiceException(ErrorBody.BadRequest, $"{_uri} sent an envelope that is not this protocol's. {problem}"));
            return;
        }
        if (pending.Deliver(envelope.Kind, payload))
        {
            _pending.TryRemove(envelope.Id, out _);
        }
    }
}
