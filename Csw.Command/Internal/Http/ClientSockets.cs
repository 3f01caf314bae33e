using System.Net;
using System.Net.WebSockets;

namespace Csw.Command.Internal.Http;

/// <summary>How the client opens WebSockets to a command endpoint, and what a failed opening means.</summary>
internal static class ClientSockets
{
    /// <summary>A socket that sends the token, pings every <see cref="CommandServiceOptions.KeepAlive"/> and drops a peer that does not answer within it.</summary>
    public static ClientWebSocket Create(string? authorization, CommandServiceOptions options)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = options.KeepAlive;
        socket.Options.KeepAliveTimeout = options.KeepAlive;
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }
        return socket;
    }

    /// <summary>
    /// The error for a failed <c>ConnectAsync</c>: what the endpoint answered when it refused (401,
    /// 403, 503, ...), else <c>Unavailable</c>.
    /// </summary>
    public static CommandServiceException Refusal(ClientWebSocket socket, Uri uri, string what, Exception failure, TimeSpan timeout) =>
        socket.HttpStatusCode switch
        {
            HttpStatusCode.Unauthorized => new(ErrorBody.Unauthorized, $"{uri} refused {what}: it needs the right bearer token.", failure),
            HttpStatusCode.Forbidden => new(ErrorBody.Forbidden, $"{uri} refused {what}: HTTP 403.", failure),
            HttpStatusCode.ServiceUnavailable => new(ErrorBody.Unavailable, $"{uri} refused {what} for now (HTTP 503: it is at a limit or stopping).", failure),
            >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => new(ErrorBody.BadRequest, $"{uri} refused {what}: HTTP {(int)socket.HttpStatusCode}.", failure),
            _ when failure is OperationCanceledException => new(ErrorBody.Unavailable, $"{uri} did not accept {what} within {timeout.TotalSeconds:0.###} s.", failure),
            _ => new(ErrorBody.Unavailable, $"{uri} cannot be reached: {failure.Message}", failure),
        };
}
