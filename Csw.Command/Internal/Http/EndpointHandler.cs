using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Csw.Params;
using Csw.Params.Messages;
using Csw.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// Every request to a command endpoint: the checks that keep web pages and strangers out (origin,
/// token, JSON bodies), the WebSocket limit, the three paths, and <c>/post-endpoint</c> itself.
/// Failures become msocket's ServiceError body with a fitting status.
/// </summary>
internal sealed class EndpointHandler(EndpointTarget target, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
{
    /// <summary>The token clients must send, or null when none is configured.</summary>
    private readonly BearerToken? _token = options.Token is null ? null : new BearerToken(options.Token);

    /// <summary>The WebSockets (CSW streams and sessions) open now.</summary>
    private readonly Slots _webSockets = new(options.MaxWebSockets);

    /// <summary>Lifecycle requests and the admin route.</summary>
    private readonly AdminHandler _admin = new(target, options, log);

    /// <summary>How many WebSockets are open now.</summary>
    public int OpenWebSockets => _webSockets.Taken;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!EdgePolicy.IsOriginAllowed(request, options.AllowedOrigins))
        {
            log.LogWarning("Refused a request from a web page at {Origin}", request.Headers.Origin.ToString());
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, ErrorBody.Forbidden, $"Requests from web pages at {request.Headers.Origin} are refused; allow an origin with CommandEndpointOptions.AllowedOrigins.").ConfigureAwait(false);
            return;
        }
        if (_token is not null && _token.Check(request.Headers.Authorization) != BearerVerdict.Valid)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorBody.Unauthorized, "This endpoint requires 'Authorization: Bearer <token>' with the configured token.").ConfigureAwait(false);
            return;
        }
        switch (request.Path.Value)
        {
            case CommandEndpoint.PostPath or CommandEndpoint.AdminPath when HttpMethods.IsPost(request.Method) && !EdgePolicy.IsJson(request):
                await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, ErrorBody.UnsupportedMediaType, $"{request.Path} takes 'Content-Type: application/json', not '{request.ContentType}'.").ConfigureAwait(false);
                break;
            case CommandEndpoint.PostPath or CommandEndpoint.AdminPath when HttpMethods.IsPost(request.Method):
                await PostAsync(context).ConfigureAwait(false);
                break;
            case CommandEndpoint.PostPath or CommandEndpoint.AdminPath:
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorBody.BadRequest, $"{request.Path} takes POST, not {context.Request.Method}.").ConfigureAwait(false);
                break;
            case CommandEndpoint.WebSocketPath or CommandEndpoint.SessionPath when !context.WebSockets.IsWebSocketRequest:
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ErrorBody.BadRequest, $"{context.Request.Path} takes a WebSocket upgrade.").ConfigureAwait(false);
                break;
            case CommandEndpoint.WebSocketPath or CommandEndpoint.SessionPath:
                await ServeWebSocketAsync(context).ConfigureAwait(false);
                break;
            default:
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, ErrorBody.BadRequest, $"No such endpoint '{context.Request.Path}': use POST {CommandEndpoint.PostPath} or {CommandEndpoint.AdminPath}, or a WebSocket on {CommandEndpoint.WebSocketPath}.").ConfigureAwait(false);
                break;
        }
    }

    private async Task ServeWebSocketAsync(HttpContext context)
    {
        if (!_webSockets.TryTake())
        {
            log.LogWarning("Refused a WebSocket from {Remote}: {Count} are open", context.Connection.RemoteIpAddress, _webSockets.Capacity);
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorBody.TooManyWebSockets, $"This endpoint has {_webSockets.Capacity} WebSockets open, the most it takes; try again later.").ConfigureAwait(false);
            return;
        }
        try
        {
            await (context.Request.Path.Value == CommandEndpoint.SessionPath
                ? new SessionHandler(target, options, log, stopping).RunAsync(context)
                : new StreamHandler(target, options, log, stopping).RunAsync(context)).ConfigureAwait(false);
        }
        finally
        {
            _webSockets.Release();
        }
    }

    private async Task PostAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            await WriteTooLargeAsync(context).ConfigureAwait(false);
            return;
        }
        ReadResult body;
        try
        {
            body = await ReadBodyAsync(context.Request.BodyReader, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteTooLargeAsync(context).ConfigureAwait(false);
            return;
        }
        if (context.Request.Path.Value == CommandEndpoint.AdminPath)
        {
            var bytes = body.Buffer.ToArray();
            context.Request.BodyReader.AdvanceTo(body.Buffer.End);
            await _admin.ServeAsync(context, bytes).ConfigureAwait(false);
            return;
        }
        CommandServiceRequest request;
        try
        {
            request = CswJson.Deserialize<CommandServiceRequest>(body.Buffer.IsSingleSegment ? body.Buffer.FirstSpan : body.Buffer.ToArray());
        }
        catch (CswJsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ErrorBody.BadRequest, $"Not a command request: {e.Message}").ConfigureAwait(false);
            return;
        }
        finally
        {
            context.Request.BodyReader.AdvanceTo(body.Buffer.End);
        }
        if (AdminHandler.LifecycleOf(request) is { } lifecycle)
        {
            await LifecycleAsync(context, lifecycle).ConfigureAwait(false);
            return;
        }
        var requestId = context.Request.Headers[CommandEndpoint.RequestIdHeader].ToString();
        if (requestId.Length > SessionFrames.MaxRequestIdLength)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ErrorBody.BadRequest, $"The {CommandEndpoint.RequestIdHeader} header is at most {SessionFrames.MaxRequestIdLength} characters.").ConfigureAwait(false);
            return;
        }
        ICommandResponse response;
        using var span = Telemetry.EndpointTelemetry.StartRequest(context.Request.Headers.TraceParent, request.GetType().Name);
        try
        {
            response = await RequestDispatch.RunAsync(target.Commands, request, requestId.Length == 0 ? null : requestId, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            await WriteErrorAsync(context, error.Status, error.Name, error.Message).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            CswJson.Serialize(writer, response);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private async Task LifecycleAsync(HttpContext context, Admin.AdminRequest request)
    {
        try
        {
            await _admin.RunAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            await WriteErrorAsync(context, error.Status, error.Name, error.Message).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(AdminHandler.Unit, context.RequestAborted).ConfigureAwait(false);
    }

    // The whole body, up to the limit that Kestrel enforces (it throws 413 beyond it).
    private static async Task<ReadResult> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                return result;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private Task WriteTooLargeAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorBody.PayloadTooLarge, $"The request body is larger than the limit of {options.MaxRequestBytes} bytes.");

    internal static async Task WriteErrorAsync(HttpContext context, int status, string errorName, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers[ErrorBody.ErrorTypeHeader] = ErrorBody.GenericError;
        await context.Response.Body.WriteAsync(ErrorBody.ToUtf8Bytes(errorName, message), context.RequestAborted).ConfigureAwait(false);
    }
}
