using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// Every request to a command endpoint: the token check, the three paths, and
/// <c>/post-endpoint</c> itself. Failures become msocket's ServiceError body with a fitting status.
/// </summary>
internal sealed class EndpointHandler(LocalCommandService service, CommandEndpointOptions options, ILogger log, CancellationToken stopping)
{
    /// <summary>The expected Authorization header, or null when no token is configured.</summary>
    private readonly byte[]? _expectedAuthorization = options.Token is null ? null : Encoding.UTF8.GetBytes("Bearer " + options.Token);

    public async Task HandleAsync(HttpContext context)
    {
        if (!IsAuthorized(context.Request))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorBody.Unauthorized, "This endpoint requires 'Authorization: Bearer <token>' with the configured token.").ConfigureAwait(false);
            return;
        }
        switch (context.Request.Path.Value)
        {
            case CommandEndpoint.PostPath when HttpMethods.IsPost(context.Request.Method):
                await PostAsync(context).ConfigureAwait(false);
                break;
            case CommandEndpoint.PostPath:
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorBody.BadRequest, $"{CommandEndpoint.PostPath} takes POST, not {context.Request.Method}.").ConfigureAwait(false);
                break;
            case CommandEndpoint.WebSocketPath or CommandEndpoint.SessionPath when !context.WebSockets.IsWebSocketRequest:
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ErrorBody.BadRequest, $"{context.Request.Path} takes a WebSocket upgrade.").ConfigureAwait(false);
                break;
            case CommandEndpoint.WebSocketPath:
                await new StreamHandler(service, options, log, stopping).RunAsync(context).ConfigureAwait(false);
                break;
            case CommandEndpoint.SessionPath:
                await new SessionHandler(service, options, log, stopping).RunAsync(context).ConfigureAwait(false);
                break;
            default:
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, ErrorBody.BadRequest, $"No such endpoint '{context.Request.Path}': use POST {CommandEndpoint.PostPath} or a WebSocket on {CommandEndpoint.WebSocketPath}.").ConfigureAwait(false);
                break;
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        if (_expectedAuthorization is null)
        {
            return true;
        }
        var given = request.Headers.Authorization.ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expectedAuthorization);
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
        ICommandResponse response;
        try
        {
            response = await RequestDispatch.RunAsync(service, request, context.RequestAborted).ConfigureAwait(false);
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

    private static async Task WriteErrorAsync(HttpContext context, int status, string errorName, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers[ErrorBody.ErrorTypeHeader] = ErrorBody.GenericError;
        await context.Response.Body.WriteAsync(ErrorBody.ToUtf8Bytes(errorName, message), context.RequestAborted).ConfigureAwait(false);
    }
}
