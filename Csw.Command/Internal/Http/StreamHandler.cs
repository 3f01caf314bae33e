using System.Net.WebSockets;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CSW's <c>/websocket-endpoint</c>: the first message is a QueryFinal, answered with one response,
/// or a SubscribeCurrentState, answered with a stream of states until the client closes.
/// </summary>
internal sealed class StreamHandler(LocalCommandService service, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
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
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            return;
        }

        // Anything the client sends from now on, a close above all, ends the stream.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var watching = WatchForCloseAsync(messages, ended);
        try
        {
            switch (request)
            {
                case QueryFinal queryFinal:
                    var response = await RequestDispatch.QueryFinalAsync(service, queryFinal, ended.Token).ConfigureAwait(false);
                    await socket.SendAsync(CswJson.ToUtf8Bytes(response), WebSocketMessageType.Text, true, ended.Token).ConfigureAwait(false);
                    await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "Done.").ConfigureAwait(false);
                    break;
                case SubscribeCurrentState subscribe:
                    var names = subscribe.Names.Count == 0 ? null : subscribe.Names.ToList();
                    await using (var subscription = await service.SubscribeAsync(names, ended.Token).ConfigureAwait(false))
                    {
                        await foreach (var state in subscription.WithCancellation(ended.Token).ConfigureAwait(false))
                        {
                            await socket.SendAsync(CswJson.ToUtf8Bytes(state), WebSocketMessageType.Text, true, ended.Token).ConfigureAwait(false);
                        }
                    }
                    break;
            }
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
            log.LogWarning(e, "A {Request} on the command endpoint failed", request.GetType().Name);
            await WebSocketMessages.CloseQuietlyAsync(socket, WebSocketCloseStatus.InternalServerError, $"{error.Name}: {error.Message}").ConfigureAwait(false);
        }
        await ended.CancelAsync().ConfigureAwait(false);
        await watching.ConfigureAwait(false);
    }

    private static async Task WatchForCloseAsync(WebSocketMessages messages, CancellationTokenSource ended)
    {
        try
        {
            await messages.ReceiveAsync(ended.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or MessageTooBigException)
        {
            // Whatever the reason, the stream ends.
        }
        await ended.CancelAsync().ConfigureAwait(false);
    }
}
