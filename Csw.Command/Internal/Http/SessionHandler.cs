using System.Collections.Concurrent;
using System.Net.WebSockets;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CswNet's <c>/session-endpoint</c>: many requests and streams over one WebSocket, each envelope
/// tagged with the client's id. Requests run concurrently; a subscription is in place before
/// the next envelope is read, so a command sent after it cannot overtake it. One writer sends
/// whatever is ready as a single frame.
/// </summary>
internal sealed class SessionHandler(LocalCommandService service, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
{
    /// <summary>Writes the envelopes; a client that stops reading slows the streams down (whose buffers then drop the oldest states).</summary>
    private FrameSender _sender = null!;

    /// <summary>Running streams and requests by id, so that Cancel and the end of the session stop them.</summary>
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();

    public async Task RunAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        _sender = new FrameSender(socket, failure =>
        {
            if (failure is not (WebSocketException or IOException or ObjectDisposedException))
            {
                log.LogError(failure, "The command session writer failed");
            }
            session.Cancel();
        });
        var (status, reason) = await ReadAsync(socket, session.Token).ConfigureAwait(false);
        await session.CancelAsync().ConfigureAwait(false);
        foreach (var running in _running.Values)
        {
            await running.CancelAsync().ConfigureAwait(false);
        }
        await WebSocketMessages.CloseQuietlyAsync(socket, status, reason).ConfigureAwait(false);
    }

    private async Task<(WebSocketCloseStatus, string)> ReadAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var messages = new WebSocketMessages(socket, options.MaxFrameBytes);
        var envelopes = new List<Envelope>();
        var first = true;
        try
        {
            while (true)
            {
                ReadOnlyMemory<byte>? message;
                if (first)
                {
                    (var timedOut, message) = await messages.ReceiveFirstAsync(options.FirstMessageTimeout, $"No request within {options.FirstMessageTimeout.TotalSeconds:0.###} s.", cancellationToken).ConfigureAwait(false);
                    if (timedOut)
                    {
                        return (WebSocketCloseStatus.PolicyViolation, "");
                    }
                    first = false;
                }
                else
                {
                    message = await messages.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                }
                if (message is not { } frame)
                {
                    return (WebSocketCloseStatus.NormalClosure, "Bye.");
                }
                envelopes.Clear();
                SessionFrames.Parse(frame.Span, envelopes);
                foreach (var envelope in envelopes)
                {
                    await DispatchAsync(envelope, frame.Slice(envelope.Start, envelope.Length), cancellationToken).ConfigureAwait(false);
                }
                // A client that sends but does not read its answers is not read either, until it catches up:
                // TCP then slows its sending, instead of answers piling up here.
                await _sender.WaitForRoomAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FormatException e)
        {
            return (WebSocketCloseStatus.InvalidPayloadData, e.Message);
        }
        catch (MessageTooBigException e)
        {
            return (WebSocketCloseStatus.MessageTooBig, e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            return stopping.IsCancellationRequested
                ? (WebSocketCloseStatus.EndpointUnavailable, "The endpoint is stopping.")
                : (WebSocketCloseStatus.NormalClosure, "Session ended.");
        }
    }

    // The payload is only valid until the first await: it lies in the reused receive buffer.
    private async ValueTask DispatchAsync(Envelope envelope, ReadOnlyMemory<byte> payload, CancellationToken session)
    {
        switch (envelope.Kind)
        {
            case EnvelopeKind.Request:
                if (Decode<CommandServiceRequest>(envelope.Id, payload) is { } request)
                {
                    Complete(envelope.Id, RequestDispatch.RunAsync(service, request, session));
                }
                break;
            case EnvelopeKind.Stream:
                switch (Decode<CommandServiceStreamRequest>(envelope.Id, payload))
                {
                    case QueryFinal queryFinal:
                        var stop = Track(envelope.Id, session);
                        Complete(envelope.Id, RequestDispatch.QueryFinalAsync(service, queryFinal, stop.Token), stop);
                        break;
                    case SubscribeCurrentState subscribe:
                        await SubscribeAsync(envelope.Id, subscribe, session).ConfigureAwait(false);
                        break;
                }
                break;
            case EnvelopeKind.Cancel:
                if (_running.TryRemove(envelope.Id, out var running))
                {
                    await running.CancelAsync().ConfigureAwait(false);
                }
                break;
            default:
                Send(new Outgoing(envelope.Id, EnvelopeKind.Error, new ErrorPayload(ErrorBody.BadRequest, $"A client sends request, stream or cancel envelopes, not {envelope.Kind}.")));
                break;
        }
    }

    private T? Decode<T>(long id, ReadOnlyMemory<byte> payload)
        where T : class
    {
        try
        {
            return CswJson.Deserialize<T>(payload.Span);
        }
        catch (CswJsonException e)
        {
            Send(new Outgoing(id, EnvelopeKind.Error, new ErrorPayload(ErrorBody.BadRequest, $"Envelope {id}: {e.Message}")));
            return null;
        }
    }

    private CancellationTokenSource Track(long id, CancellationToken session)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(session);
        _running[id] = stop;
        return stop;
    }

    private void Complete(long id, ValueTask<ICommandResponse> response, CancellationTokenSource? stop = null)
    {
        if (response.IsCompletedSuccessfully)
        {
            Send(new Outgoing(id, EnvelopeKind.Response, response.Result));
            Untrack(id, stop);
            return;
        }
        _ = CompleteLaterAsync(id, response, stop);
    }

    private async Task CompleteLaterAsync(long id, ValueTask<ICommandResponse> response, CancellationTokenSource? stop)
    {
        try
        {
            Send(new Outgoing(id, EnvelopeKind.Response, await response.ConfigureAwait(false)));
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            Send(new Outgoing(id, EnvelopeKind.Error, new ErrorPayload(error.Name, error.Message)));
        }
        catch (OperationCanceledException)
        {
            Send(new Outgoing(id, EnvelopeKind.End, null));
        }
        finally
        {
            Untrack(id, stop);
        }
    }

    private void Untrack(long id, CancellationTokenSource? stop)
    {
        if (stop is not null)
        {
            _running.TryRemove(new KeyValuePair<long, CancellationTokenSource>(id, stop));
            stop.Dispose();
        }
    }

    // Subscribed before the next envelope is read: a command sent after the subscription sees it in place.
    private async Task SubscribeAsync(long id, SubscribeCurrentState request, CancellationToken session)
    {
        var stop = Track(id, session);
        PubSub.Subscription<CurrentState> subscription;
        try
        {
            subscription = await service.SubscribeAsync(request.Names.Count == 0 ? null : request.Names.ToList(), stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            Send(new Outgoing(id, EnvelopeKind.Error, new ErrorPayload(error.Name, error.Message)));
            Untrack(id, stop);
            return;
        }
        Send(new Outgoing(id, EnvelopeKind.Subscribed, null));
        _ = PumpAsync(id, subscription, stop);
    }

    private async Task PumpAsync(long id, PubSub.Subscription<CurrentState> subscription, CancellationTokenSource stop)
    {
        await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
        {
            try
            {
                await foreach (var state in subscription.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    _sender.Send(new Outgoing(id, EnvelopeKind.State, state));
                    await _sender.WaitForRoomAsync().WaitAsync(stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Cancelled by the client or the end of the session.
            }
        }
        Send(new Outgoing(id, EnvelopeKind.End, null));
        Untrack(id, stop);
    }

    private void Send(Outgoing item) => _sender.Send(item);
}
