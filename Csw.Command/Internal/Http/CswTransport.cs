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
    private readonly HttpClient _http = new(SharedHttp.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly Uri _post = new(baseUri, CommandEndpoint.PostPath);

    private readonly Uri _webSocket = SharedHttp.WebSocketUri(baseUri, CommandEndpoint.WebSocketPath);

    private readonly AuthenticationHeaderValue? _authorization = options.Token is null ? null : new("Bearer", options.Token);

    public async Task<ICommandResponse> RequestAsync(CommandServiceRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, _post) { Content = new ByteArrayContent(CswJson.ToUtf8Bytes(request)) };
        message.Content.Headers.ContentType = SharedHttp.Json;
        message.Headers.Authorization = _authorization;
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
            throw new TimeoutException($"{_post} did not answer a {request.GetType().Name} within {timeout.TotalSeconds:0.###} s.");
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
        var messages = new WebSocketMessages(socket, int.MaxValue);
        try
        {
            var message = await messages.ReceiveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ConnectionLostException($"{_webSocket} closed the QueryFinal for {request.RunId} without an answer ({socket.CloseStatus}: {socket.CloseStatusDescription}).");
            var response = CswJson.Deserialize<ISubmitResponse>(message.Span);
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Done.").ConfigureAwait(false);
            return response;
        }
        catch (Exception e) when (e is WebSocketException or IOException)
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
        return new StateStream(states.Reader, async () =>
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

    private async Task PumpAsync(WebSocket socket, ChannelWriter<CurrentState> states, CancellationToken stop)
    {
        var messages = new WebSocketMessages(socket, int.MaxValue);
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
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (_authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", _authorization.ToString());
        }
        try
        {
            await socket.ConnectAsync(_webSocket, cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(CswJson.ToUtf8Bytes(request), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException)
        {
            socket.Dispose();
            if (socket.HttpStatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError)
            {
                throw new CommandServiceException(socket.HttpStatusCode == System.Net.HttpStatusCode.Unauthorized ? ErrorBody.Unauthorized : ErrorBody.BadRequest, $"{_webSocket} refused the WebSocket: HTTP {(int)socket.HttpStatusCode}.", e);
            }
            throw new ConnectionLostException($"{_webSocket} cannot be reached: {e.Message}", e);
        }
    }
}
