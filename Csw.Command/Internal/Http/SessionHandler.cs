using System.Net.WebSockets;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CswNet's <c>/session-endpoint</c>: many requests and streams over one WebSocket, each envelope
/// tagged with the client's id. Requests run concurrently; a subscription is in place before
/// the next envelope is read, so a command sent after it cannot overtake it. Every envelope that
/// cannot be served gets an error for its id and the session goes on; only a frame that is not
/// this protocol's ends it. However it ends, its requests and streams are stopped, its
/// subscriptions released, and the close frame sent.
/// </summary>
internal sealed class SessionHandler(EndpointTarget target, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
{
    /// <summary>How long the end of a session waits for its work to stop and its last envelopes to go out.</summary>
    private static readonly TimeSpan EndWait = TimeSpan.FromSeconds(2);

    /// <summary>The requests and streams running, and the session's limits on them.</summary>
    private readonly SessionWork _work = new(options);

    /// <summary>Runs CSW's lifecycle requests (GoOnline, GoOffline, the diagnostic modes).</summary>
    private readonly AdminHandler _admin = new(target, options, log);

    /// <summary>Writes the envelopes; a client that stops reading slows the streams down, and past the send timeout is dropped.</summary>
    private FrameSender _sender = null!;

    /// <summary>Ends every request and stream of the session.</summary>
    private CancellationToken _session;

    public async Task RunAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        Telemetry.EndpointTelemetry.OpenSessions.Add(1);
        using var counted = new Counted();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        _session = session.Token;
        _sender = new FrameSender(socket, options.SendTimeout, failure =>
        {
            if (failure is SendTimeoutException)
            {
                log.LogWarning("Dropped a command session from {Remote}: {Reason}", context.Connection.RemoteIpAddress, failure.Message);
            }
            else if (failure is not (WebSocketException or IOException or OperationCanceledException))
            {
                log.LogError(failure, "The command session writer failed");
            }
            // Ends the pending receive, and with it the session.
            socket.Abort();
        });
        var (status, reason) = (WebSocketCloseStatus.InternalServerError, "The session failed.");
        try
        {
            (status, reason) = await ReadAsync(socket).ConfigureAwait(false);
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            if (!await _work.EndAsync(EndWait).ConfigureAwait(false))
            {
                log.LogWarning("{Count} requests or streams of a closed command session did not stop within {Wait} s; their answers are dropped", _work.Running, EndWait.TotalSeconds);
            }
            if (await _sender.CompleteAsync(EndWait).ConfigureAwait(false))
            {
                await WebSocketMessages.CloseQuietlyAsync(socket, status, reason).ConfigureAwait(false);
            }
            else
            {
                socket.Abort();
            }
        }
    }

    private async Task<(WebSocketCloseStatus, string)> ReadAsync(WebSocket socket)
    {
        var messages = new WebSocketMessages(socket, options.MaxFrameBytes);
        var envelopes = new List<Envelope>();
        try
        {
            var (timedOut, message) = await messages.ReceiveFirstAsync(options.FirstMessageTimeout, $"No request within {options.FirstMessageTimeout.TotalSeconds:0.###} s.", _session).ConfigureAwait(false);
            if (timedOut)
            {
                return (WebSocketCloseStatus.PolicyViolation, "");
            }
            while (message is { } frame)
            {
                envelopes.Clear();
                SessionFrames.Parse(frame.Span, envelopes);
                foreach (var envelope in envelopes)
                {
                    await DispatchAsync(envelope, frame.Slice(envelope.Start, envelope.Length)).ConfigureAwait(false);
                }
                // A client that sends but does not read its answers is not read either, until it catches up:
                // TCP then slows its sending, instead of answers piling up here.
                await _sender.WaitForRoomAsync().WaitAsync(_session).ConfigureAwait(false);
                message = await messages.ReceiveAsync(_session).ConfigureAwait(false);
            }
            return (WebSocketCloseStatus.NormalClosure, "Bye.");
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
        catch (Exception e)
        {
            // A bug: the session still ends cleanly, and says so.
            log.LogError(e, "A command session failed");
            return (WebSocketCloseStatus.InternalServerError, "The session failed.");
        }
    }

    // The payload is only valid until the first await: it lies in the reused receive buffer.
    private async ValueTask DispatchAsync(Envelope envelope, ReadOnlyMemory<byte> payload)
    {
        var id = envelope.Id;
        try
        {
            if (envelope.Problem is { } problem)
            {
                SendError(id, ErrorBody.BadRequest, problem);
                return;
            }
            switch (envelope.Kind)
            {
                case EnvelopeKind.Request:
                    if (Decode<CommandServiceRequest>(id, payload) is { } request)
                    {
                        // The span only carries the caller's trace to the component: the command's own span measures it.
                        using var span = Telemetry.EndpointTelemetry.StartRequest(envelope.TraceParent, request.GetType().Name);
                        StartRequest(id, request, envelope.RequestId);
                    }
                    break;
                case EnvelopeKind.Stream:
                    if (Decode<CommandServiceStreamRequest>(id, payload) is { } stream)
                    {
                        await StartStreamAsync(id, stream).ConfigureAwait(false);
                    }
                    break;
                case EnvelopeKind.Cancel:
                    await _work.CancelAsync(id).ConfigureAwait(false);
                    break;
                default:
                    SendError(id, ErrorBody.BadRequest, $"A client sends request, stream or cancel envelopes, not {envelope.Kind}.");
                    break;
            }
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            log.LogWarning(e, "Envelope {Id} of a command session failed", id);
            SendError(id, error.Name, error.Message);
        }
    }

    private void StartRequest(long id, CommandServiceRequest request, string? requestId)
    {
        var lifecycle = AdminHandler.LifecycleOf(request);
        if (lifecycle is null && !RequestDispatch.Serves(request))
        {
            SendError(id, ErrorBody.NotSupported, RequestDispatch.NotServed(request).Message);
            return;
        }
        if (_work.TryStartRequest() is { } refusal)
        {
            SendError(id, refusal.Name, refusal.Message);
            return;
        }
        if (lifecycle is not null)
        {
            _ = LifecycleAsync(id, lifecycle);
            return;
        }
        Complete(id, RequestDispatch.RunAsync(target.Commands, request, requestId, _session), stop: null);
    }

    // Answered as CSW answers it over HTTP, once the change took effect.
    private async Task LifecycleAsync(long id, Admin.AdminRequest request)
    {
        try
        {
            await _admin.RunAsync(request, _session).ConfigureAwait(false);
            Send(new Outgoing(id, EnvelopeKind.Response, AdminHandler.Unit));
        }
        catch (OperationCanceledException)
        {
            Send(new Outgoing(id, EnvelopeKind.End, null));
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            SendError(id, error.Name, error.Message);
        }
        finally
        {
            _work.Finish(id, null);
        }
    }

    private async Task StartStreamAsync(long id, CommandServiceStreamRequest request)
    {
        if (request is QueryFinal queryFinal && RequestDispatch.CheckTimeout(queryFinal, options.MaxQueryFinalTimeout) is { } problem)
        {
            SendError(id, ErrorBody.BadRequest, problem);
            return;
        }
        var (stop, refusal) = _work.TryStartStream(id, _session);
        if (stop is null)
        {
            SendError(id, refusal!.Value.Name, refusal.Value.Message);
            return;
        }
        switch (request)
        {
            case QueryFinal query:
                Complete(id, RequestDispatch.QueryFinalAsync(target.Commands, query, stop.Token), stop);
                break;
            case SubscribeCurrentState subscribe:
                await SubscribeAsync(id, subscribe, stop).ConfigureAwait(false);
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
            SendError(id, ErrorBody.BadRequest, $"Envelope {id}: {e.Message}");
            return null;
        }
    }

    private void Complete(long id, ValueTask<ICommandResponse> response, CancellationTokenSource? stop)
    {
        if (response.IsCompletedSuccessfully)
        {
            Send(new Outgoing(id, EnvelopeKind.Response, response.Result));
            _work.Finish(id, stop);
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
        catch (OperationCanceledException)
        {
            Send(new Outgoing(id, EnvelopeKind.End, null));
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            if (error.Status >= StatusCodes.Status500InternalServerError && e is not TimeoutException)
            {
                log.LogWarning(e, "Envelope {Id} of a command session failed", id);
            }
            SendError(id, error.Name, error.Message);
        }
        finally
        {
            _work.Finish(id, stop);
        }
    }

    // Subscribed before the next envelope is read: a command sent after the subscription sees it in place.
    private async Task SubscribeAsync(long id, SubscribeCurrentState request, CancellationTokenSource stop)
    {
        StateStream subscription;
        try
        {
            subscription = await target.SubscribeAsync(request.Names.Count == 0 ? null : request.Names.ToList(), stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (RequestDispatch.Describe(e) is { } error)
            {
                SendError(id, error.Name, error.Message);
            }
            _work.Finish(id, stop);
            return;
        }
        Send(new Outgoing(id, EnvelopeKind.Subscribed, null));
        _ = StatePump.RunAsync(id, subscription, stop, _sender, _work, log);
    }

    /// <summary>Counts the session out of <see cref="Telemetry.EndpointTelemetry.OpenSessions"/> however it ends.</summary>
    private readonly struct Counted : IDisposable
    {
        public void Dispose() => Telemetry.EndpointTelemetry.OpenSessions.Add(-1);
    }

    private void SendError(long id, string name, string message) =>
        Send(new Outgoing(id, EnvelopeKind.Error, new ErrorPayload(name, message)));

    private void Send(Outgoing item) => _sender.Send(item);
}
