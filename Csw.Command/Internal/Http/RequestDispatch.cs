using Csw.Crm;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;

namespace Csw.Command.Internal.Http;

/// <summary>Runs a CSW request against the component, and says how a failure is reported to the caller.</summary>
internal static class RequestDispatch
{
    /// <summary>True for the requests a command endpoint serves: Validate, Submit, Oneway and Query.</summary>
    public static bool Serves(CommandServiceRequest request) => request is Submit or Validate or Oneway or Query;

    /// <summary>
    /// The response to a Validate, Submit, Oneway or Query. Never throws: a failure, also one the
    /// service throws before it returns a task, is the task's.
    /// </summary>
    /// <param name="service">The component.</param>
    /// <param name="request">The request.</param>
    /// <param name="requestId">The client's request id for a Submit or Oneway (the session envelope's, or the <c>Idempotency-Key</c> header); none when null.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    public static ValueTask<ICommandResponse> RunAsync(ICommandService service, CommandServiceRequest request, string? requestId, CancellationToken cancellationToken)
    {
        try
        {
            return request switch
            {
                Submit submit when requestId is not null && service is IRequestIdCommands commands => Widen(commands.SubmitAsync(submit.ControlCommand, requestId, cancellationToken)),
                Submit submit => Widen(service.SubmitAsync(submit.ControlCommand, cancellationToken)),
                Validate validate => Widen(service.ValidateAsync(validate.ControlCommand, cancellationToken)),
                Oneway oneway when requestId is not null && service is IRequestIdCommands commands => Widen(commands.OnewayAsync(oneway.ControlCommand, requestId, cancellationToken)),
                Oneway oneway => Widen(service.OnewayAsync(oneway.ControlCommand, cancellationToken)),
                Query query => KnownOrInvalid(service.QueryAsync(query.RunId, cancellationToken)),
                _ => ValueTask.FromException<ICommandResponse>(NotServed(request)),
            };
        }
        catch (Exception e)
        {
            return ValueTask.FromException<ICommandResponse>(e);
        }
    }

    /// <summary>The failure for a request that a command endpoint does not serve (e.g. GoOnline).</summary>
    public static NotSupportedException NotServed(CommandServiceRequest request) =>
        new($"{request.GetType().Name} is not served by a command endpoint: it serves Validate, Submit, Oneway and Query.");

    /// <summary>What is wrong with a QueryFinal's timeout, or null when it is above zero and at most <paramref name="max"/>.</summary>
    public static string? CheckTimeout(QueryFinal request, TimeSpan max) =>
        request.Timeout > TimeSpan.Zero && request.Timeout <= max
            ? null
            : $"QueryFinal's timeoutInSeconds is 1 to {max.TotalSeconds:0} on this endpoint, not {request.Timeout.Ticks / TimeSpan.TicksPerSecond}; ask again for longer waits.";

    /// <summary>The final response of a command, waiting at most the request's timeout (checked with <see cref="CheckTimeout"/> first). Never throws.</summary>
    public static ValueTask<ICommandResponse> QueryFinalAsync(ICommandService service, QueryFinal request, CancellationToken cancellationToken)
    {
        try
        {
            return KnownOrInvalid(service.QueryFinalAsync(request.RunId, request.Timeout, cancellationToken));
        }
        catch (Exception e)
        {
            return ValueTask.FromException<ICommandResponse>(e);
        }
    }

    /// <summary>The status, error name and message for a failure; null for a caller that went away.</summary>
    public static (int Status, string Name, string Message)? Describe(Exception failure) => failure switch
    {
        OperationCanceledException => null,
        TimeoutException => (StatusCodes.Status504GatewayTimeout, ErrorBody.Timeout, failure.Message),
        NotSupportedException => (StatusCodes.Status400BadRequest, ErrorBody.NotSupported, failure.Message),
        ArgumentException => (StatusCodes.Status400BadRequest, ErrorBody.BadRequest, failure.Message),
        CommandServiceException e => (StatusCodes.Status503ServiceUnavailable, e.ErrorName, e.Message),
        PubSub.SubscriberLimitException => (StatusCodes.Status503ServiceUnavailable, ErrorBody.TooManySubscribers, failure.Message),
        WaiterLimitException => (StatusCodes.Status503ServiceUnavailable, ErrorBody.TooManyWaiters, failure.Message),
        _ => (StatusCodes.Status500InternalServerError, ErrorBody.InternalError, $"{failure.GetType().Name}: {failure.Message}"),
    };

    /// <summary>A query's response; a runId the component does not know as CSW says it, <c>Invalid(runId, IdNotAvailableIssue)</c>.</summary>
    private static async ValueTask<ICommandResponse> KnownOrInvalid(Task<ISubmitResponse> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (UnknownCommandException e)
        {
            return new Invalid(e.RunId, new CommandIssue(CommandIssueKind.IdNotAvailableIssue, e.Message));
        }
    }

    // Completes synchronously, without allocating, when the component answered at once.
    private static async ValueTask<ICommandResponse> Widen<T>(Task<T> response)
        where T : ICommandResponse =>
        await response.ConfigureAwait(false);
}
