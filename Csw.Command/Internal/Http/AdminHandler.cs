using System.Net;
using Csw.Command.Internal.Admin;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// A command endpoint's admin side: CSW's GoOnline, GoOffline and diagnostic-mode requests on
/// <c>/post-endpoint</c> (answered as CSW answers them, with its encoding of Scala's <c>Unit</c>,
/// <c>0</c>, once the change took effect), and CswNet's admin route <c>/admin-endpoint</c>. The admin
/// route is served only where a token protects it, or, with no token, to an endpoint bound to
/// loopback (where only this machine's users reach it, as for commands); an endpoint serving other
/// machines without a token (<c>--insecure</c>) refuses it with 403.
/// </summary>
internal sealed class AdminHandler(EndpointTarget target, CommandEndpointOptions options, ILogger log)
{
    /// <summary>CSW's answer to a lifecycle request: borer's encoding of <c>Unit</c>.</summary>
    public static readonly byte[] Unit = "0"u8.ToArray();

    /// <summary>Why the admin route is refused here, or null when it is served.</summary>
    private readonly string? _refusal = options.Token is null && !IPAddress.IsLoopback(options.BindAddress)
        ? $"{CommandEndpoint.AdminPath} is not served by an endpoint that serves other machines without a token: start it with a token (csw container --token, or CSW_TOKEN)."
        : null;

    /// <summary>The admin request a CSW lifecycle request stands for; null for other requests.</summary>
    public static AdminRequest? LifecycleOf(CommandServiceRequest request) => request switch
    {
        GoOnline => new AdminRequest.GoOnline(),
        GoOffline => new AdminRequest.GoOffline(),
        ExecuteDiagnosticMode mode => new AdminRequest.DiagnosticMode(mode.StartTime, mode.Hint),
        ExecuteOperationsMode => new AdminRequest.OperationsMode(),
        _ => null,
    };

    /// <summary>Runs a lifecycle request for <c>/post-endpoint</c> or a session; never throws but the request's own failures.</summary>
    public Task<object> RunAsync(AdminRequest request, CancellationToken cancellationToken)
    {
        // An endpoint waits no longer than it lets a QueryFinal wait.
        var capped = request.Timeout is { } asked && asked > options.MaxQueryFinalTimeout ? request with { Timeout = options.MaxQueryFinalTimeout } : request;
        // What changes the component is worth a line; what only reads it is not.
        log.Log(capped is AdminRequest.GetLifecycleState or AdminRequest.GetLogLevel ? LogLevel.Debug : LogLevel.Information, "Admin request {Request} for {Component}", capped.GetType().Name, target.Admin);
        return capped.RunAsync(target.Admin, cancellationToken);
    }

    /// <summary>Serves <c>POST /admin-endpoint</c> (its content type already checked).</summary>
    public async Task ServeAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        if (_refusal is not null)
        {
            await EndpointHandler.WriteErrorAsync(context, StatusCodes.Status403Forbidden, ErrorBody.Forbidden, _refusal).ConfigureAwait(false);
            return;
        }
        AdminRequest request;
        try
        {
            request = AdminCodec.ReadRequest(body.Span);
        }
        catch (FormatException e)
        {
            await EndpointHandler.WriteErrorAsync(context, StatusCodes.Status400BadRequest, ErrorBody.BadRequest, $"Not an admin request: {e.Message}").ConfigureAwait(false);
            return;
        }
        object answer;
        try
        {
            answer = await RunAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            await EndpointHandler.WriteErrorAsync(context, error.Status, error.Name, error.Message).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(AdminCodec.WriteAnswer(answer), context.RequestAborted).ConfigureAwait(false);
    }
}
