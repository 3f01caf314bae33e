using System.Net.WebSockets;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CSW's <c>/websocket-endpoint</c>: the first message is a QueryFinal, answered with one response,
/// or a SubscribeCurrentState, answered with a stream of states until the client closes. A client
/// that takes no message within the send timeout is dropped.
/// </summary>
internal sealed class StreamHandler(EndpointTarget target, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
{
    public async Task RunAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var messages = new WebSocketMessages(socket, options.MaxFrameBytes);
        CommandServiceStreamRequest request;
        try
        {
            var (timedOut, message) = await messages.ReceiveFirstAsync(options.FirstMessageTimeout, $"No request within {options.FirstMessageTimeout.TotalSeconds:0.###} s.", context.RequestAborted).ConfigureAwait(false);
            if (timedOut || message is null)
            {
                return;
            }
            request = CswJson.Deserialize<CommandServiceStreamRequest>(message.Value.Span);
        }
        catch (MessageTooBigException e)
        {
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.MessageTooBig, e.Message).ConfigureAwait(false);
            return;
        }
        catch (CswJsonException e)
        {
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.InvalidPayloadData, $"Not QueryFinal or SubscribeCurrentState: {e.Message}").ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            return;
        }
        if (request is QueryFinal query && RequestDispatch.CheckTimeout(query, options.MaxQueryFinalTimeout) is { } problem)
        {
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.InvalidPayloadData, $"{ErrorBody.BadRequest}: {problem}").ConfigureAwait(false);
            return;
        }

        // Anything the client sends from now on, a close above all, ends the stream.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var watching = WatchForCloseAsync(messages, ended);
        try
        {
            await ServeAsync(socket, request, ended.Token).ConfigureAwait(false);
        }
        catch (SendTimeoutException e)
        {
            log.LogWarning("Dropped a CSW stream client at {Remote}: {Reason}", context.Connection.RemoteIpAddress, e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The client left, or the endpoint is stopping.
            if (stopping.IsCancellationRequested)
            {
                await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.EndpointUnavailable, "The endpoint is stopping.").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            if (e is not TimeoutException)
            {
                log.LogWarning(e, "A {Request} on the command endpoint failed", request.GetType().Name);
            }
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.InternalServerError, $"{error.Name}: {error.Message}").ConfigureAwait(false);
        }
        await ended.CancelAsync().ConfigureAwait(false);
        await watching.ConfigureAwait(false);
        // A client that closed first hears the close answered, instead of a dropped connection.
        if (socket.State == WebSocketState.CloseReceived)
        {
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Bye.").ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(WebSocket socket, CommandServiceStreamRequest request, CancellationToken ended)
    {
        switch (request)
        {
            case QueryFinal queryFinal:
                var response = await RequestDispatch.QueryFinalAsync(target.Commands, queryFinal, ended).ConfigureAwait(false);
                await SendAsync(socket, CswJson.ToUtf8Bytes(response), ended).ConfigureAwait(false);
                await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Done.").ConfigureAwait(false);
                break;
            case SubscribeCurrentState subscribe:
                var names = subscribe.Names.Count == 0 ? null : subscribe.Names.ToList();
                var subscription = await target.SubscribeAsync(names, ended).ConfigureAwait(false);
                await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
                {
                    await foreach (var state in subscription.WithCancellation(ended).ConfigureAwait(false))
                    {
                        await SendAsync(socket, CswJson.ToUtf8Bytes(state), ended).ConfigureAwait(false);
                    }
                }
                break;
        }
    }

    /// <summary>Sends one message; a peer that does not take it within the send timeout is given up on (the socket is aborted).</summary>
    private async Task SendAsync(WebSocket socket, byte[] message, CancellationToken ended)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ended);
        timeout.CancelAfter(options.SendTimeout);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ended.IsCancellationRequested)
        {
            throw new SendTimeoutException(options.SendTimeout, e);
        }
    }

    private static async Task WatchForCloseAsync(WebSocketMessages messages, CancellationTokenSource ended)
    {
        try
        {
            await messages.ReceiveAsync(ended.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or MessageTooBigException or ObjectDisposedException)
        {
            // Whatever the reason, the stream ends.
        }
        await ended.CancelAsync().ConfigureAwait(false);
    }
}
