using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CSW's own protocol, which any CSW component serves: each request is a POST to
/// <c>/post-endpoint</c>; each QueryFinal and each subscription opens its own WebSocket on
/// <c>/websocket-endpoint</c>.
/// </summary>
internal sealed class CswTransport(Uri baseUri, CommandServiceOptions options) : ICommandTransport
{
    private readonly HttpClient _http = new(SharedHttp.Handler, disposeHandler: false)
    {
        Timeout = Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = options.MaxMessageBytes,
    };

    private readonly Uri _post = new(baseUri, CommandEndpoint.PostPath);

    private readonly Uri _webSocket = SharedHttp.WebSocketUri(baseUri, CommandEndpoint.WebSocketPath);

    private readonly AuthenticationHeaderValue? _authorization = options.Token is null ? null : new("Bearer", options.Token);

    /// <summary>A CSW endpoint may ignore the request id: a Submit whose answer was lost is not sent again.</summary>
    public bool Deduplicates => false;

    public async Task<ICommandResponse> RequestAsync(CommandServiceRequest request, string? requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var content = new RequestContent(CswJson.ToUtf8Bytes(request));
        using var message = new HttpRequestMessage(HttpMethod.Post, _post) { Content = content };
        message.Headers.Authorization = _authorization;
        if (Telemetry.EndpointTelemetry.CurrentTraceParent() is { } traceParent)
        {
            message.Headers.TryAddWithoutValidation(Telemetry.EndpointTelemetry.TraceParentHeader, traceParent);
        }
        if (requestId is not null)
        {
            message.Headers.Add(CommandEndpoint.RequestIdHeader, requestId);
        }
        var name = request.GetType().Name;
        try
        {
            using var response = await _http.SendAsync(message, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorBody.Read(body, $"Http{(int)response.StatusCode}");
            }
            return CswJson.Deserialize<ICommandResponse>(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{_post} did not answer a {name} within {timeout.TotalSeconds:0.###} s{MaybeApplied(content, name)}.");
        }
        catch (HttpRequestException e) when (content.Sending)
        {
            throw new CommandServiceException(ErrorBody.Unavailable, $"The connection to {_post} broke after the {name} was sent{MaybeApplied(content, name)}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new CommandServiceException(ErrorBody.Unavailable, $"{_post} cannot be reached: {e.Message}", e);
        }
        catch (CswJsonException e)
        {
            throw new CommandServiceException(ErrorBody.BadRequest, $"{_post} answered with something that is not a command response: {e.Message}", e);
        }
    }

    public async Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken)
    {
        using var socket = await ConnectAsync(request, cancellationToken).ConfigureAwait(false);
        var messages = new WebSocketMessages(socket, options.MaxMessageBytes);
        try
        {
            var message = await messages.ReceiveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw Closed(socket, $"{_webSocket} closed the QueryFinal for {request.RunId} without an answer");
            var response = CswJson.Deserialize<ISubmitResponse>(message.Span);
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Done.").ConfigureAwait(false);
            return response;
        }
        catch (Exception e) when (e is WebSocketException or IOException or MessageTooBigException)
        {
            throw new ConnectionLostException($"The QueryFinal for {request.RunId} on {_webSocket} broke off: {e.Message}", e);
        }
    }

    public async Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken)
    {
        var socket = await ConnectAsync(request, cancellationToken).ConfigureAwait(false);
        var states = Channel.CreateBounded<CurrentState>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });
        var stop = new CancellationTokenSource();
        var pumping = PumpAsync(socket, states.Writer, stop.Token);
        return StateStream.Of(states.Reader, async () =>
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Unsubscribed.").ConfigureAwait(false);
            await pumping.ConfigureAwait(false);
            socket.Dispose();
            stop.Dispose();
        });
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string MaybeApplied(RequestContent content, string request) =>
        content.Sending && request is nameof(Submit) or nameof(Oneway) ? $"; the {request} may or may not have been applied" : "";

    /// <summary>
    /// What a close without an answer means: the endpoint refused the request (bad input, or an
    /// error it names), which asking again would not change; otherwise a lost connection.
    /// </summary>
    private static Exception Closed(WebSocket socket, string what)
    {
        var reason = socket.CloseStatusDescription ?? "";
        switch (socket.CloseStatus)
        {
            case WebSocketCloseStatus.InvalidPayloadData or WebSocketCloseStatus.PolicyViolation or WebSocketCloseStatus.MessageTooBig:
                return new CommandServiceException(ErrorBody.BadRequest, $"{what}: {reason}");
            case WebSocketCloseStatus.InternalServerError when reason.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && reason[..colon] != ErrorBody.InternalError:
                return ErrorBody.ToException(new CommandServiceException(reason[..colon], $"{what}: {reason[(colon + 1)..].Trim()}"));
            default:
                return new ConnectionLostException($"{what} ({socket.CloseStatus}: {reason}).");
        }
    }

    private async Task PumpAsync(WebSocket socket, ChannelWriter<CurrentState> states, CancellationToken stop)
    {
        var messages = new WebSocketMessages(socket, options.MaxMessageBytes);
        try
        {
            while (await messages.ReceiveAsync(stop).ConfigureAwait(false) is { } message)
            {
                states.TryWrite(CswJson.Deserialize<CurrentState>(message.Span));
            }
            states.TryComplete(stop.IsCancellationRequested ? null : new ConnectionLostException($"{_webSocket} ended the CurrentState stream ({socket.CloseStatus}: {socket.CloseStatusDescription})."));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            states.TryComplete();
        }
        catch (Exception e)
        {
            states.TryComplete(new ConnectionLostException($"The CurrentState stream from {_webSocket} broke off: {e.Message}", e));
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(CommandServiceStreamRequest request, CancellationToken cancellationToken)
    {
        var socket = ClientSockets.Create(_authorization?.ToString(), options);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Timeout);
        try
        {
            await socket.ConnectAsync(_webSocket, limit.Token).ConfigureAwait(false);
            await socket.SendAsync(CswJson.ToUtf8Bytes(request), WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is WebSocketException or IOException or HttpRequestException or OperationCanceledException)
        {
            socket.Dispose();
            var refusal = ClientSockets.Refusal(socket, _webSocket, "the WebSocket", e, options.Timeout);
            // Unreachable or busy for now: the caller asks again. Refused for good: it is told.
            throw refusal.ErrorName == ErrorBody.Unavailable ? new ConnectionLostException(refusal.Message, e) : refusal;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A request body that knows whether it began to go out: after that, a failure may come after the component acted on it.</summary>
    private sealed class RequestContent : ByteArrayContent
    {
        public RequestContent(byte[] body)
            : base(body) => Headers.ContentType = SharedHttp.Json;

        /// <summary>True once the body began to be written to the connection.</summary>
        public bool Sending { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Sending = true;
            return base.SerializeToStreamAsync(stream, context, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Sending = true;
            return base.SerializeToStreamAsync(stream, context);
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Sending = true;
            base.SerializeToStream(stream, context, cancellationToken);
        }
    }
}
