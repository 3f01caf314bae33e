using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>How requests reach a remote component: CSW's per-request HTTP and per-stream WebSockets, or CswNet's session.</summary>
internal interface ICommandTransport : IAsyncDisposable
{
    /// <summary>Sends a Validate, Submit, Oneway or Query and returns the response.</summary>
    /// <exception cref="CommandServiceException">The endpoint refused the request or cannot be reached.</exception>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    Task<ICommandResponse> RequestAsync(CommandServiceRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks once for a final response.</summary>
    /// <exception cref="ConnectionLostException">The connection broke before the answer came: ask again.</exception>
    Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken);

    /// <summary>Starts a CurrentState stream; as far as the protocol can tell, it is in place when the task completes.</summary>
    Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken);
}
