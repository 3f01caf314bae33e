using Csw.Params;
using Csw.Params.Messages;
using Microsoft.AspNetCore.Http;

namespace Csw.Command.Internal.Http;

/// <summary>Runs a CSW request against the component, and says how a failure is reported to the caller.</summary>
internal static class RequestDispatch
{
    /// <summary>The response to a Validate, Submit, Oneway or Query.</summary>
    /// <exception cref="NotSupportedException">Another request, which this endpoint does not serve.</exception>
    public static ValueTask<ICommandResponse> RunAsync(LocalCommandService service, CommandServiceRequest request, CancellationToken cancellationToken) =>
        request switch
        {
            Submit submit => Widen(service.SubmitAsync(submit.ControlCommand, cancellationToken)),
            Validate validate => Widen(service.ValidateAsync(validate.ControlCommand, cancellationToken)),
            Oneway oneway => Widen(service.OnewayAsync(oneway.ControlCommand, cancellationToken)),
            Query query => Widen(service.QueryAsync(query.RunId, cancellationToken)),
            _ => throw new NotSupportedException($"{request.GetType().Name} is not served by a command endpoint: it serves Validate, Submit, Oneway and Query."),
        };

    /// <summary>The final response of a command, waiting at most the request's timeout.</summary>
    public static ValueTask<ICommandResponse> QueryFinalAsync(LocalCommandService service, QueryFinal request, CancellationToken cancellationToken) =>
        Widen(service.QueryFinalAsync(request.RunId, request.Timeout, cancellationToken));

    /// <summary>The status, error name and message for a failure; null for a caller that went away.</summary>
    public static (int Status, string Name, string Message)? Describe(Exception failure) => failure switch
    {
        OperationCanceledException => null,
        TimeoutException => (StatusCodes.Status504GatewayTimeout, "Timeout", failure.Message),
        NotSupportedException => (StatusCodes.Status400BadRequest, ErrorBody.NotSupported, failure.Message),
        ArgumentException => (StatusCodes.Status400BadRequest, ErrorBody.BadRequest, failure.Message),
        _ => (StatusCodes.Status500InternalServerError, ErrorBody.InternalError, $"{failure.GetType().Name}: {failure.Message}"),
    };

    // Completes synchronously, without allocating, when the component answered at once.
    private static async ValueTask<ICommandResponse> Widen<T>(Task<T> response)
        where T : ICommandResponse =>
        await response.ConfigureAwait(false);
}
