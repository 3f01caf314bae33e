using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>How requests reach a remote component: CSW's per-request HTTP and per-stream WebSockets, or CswNet's session.</summary>
internal interface ICommandTransport : IAsyncDisposable
{
    /// <summary>
    /// Whether the endpoint runs a Submit or Oneway sent again with the same request id only once
    /// (CswNet's session does; a CSW endpoint may ignore the id), so that a request whose answer was
    /// lost may be sent again.
    /// </summary>
    bool Deduplicates { get; }

    /// <summary>Sends a Validate, Submit, Oneway or Query and returns the response.</summary>
    /// <param name="request">The request.</param>
    /// <param name="requestId">The request id of a Submit or Oneway, the same in each retry; none when null.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <exception cref="CommandServiceException">The endpoint refused the request or cannot be reached.</exception>
    /// <exception cref="ConnectionLostException">The connection broke before the answer came (on a transport that <see cref="Deduplicates"/>).</exception>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    Task<ICommandResponse> RequestAsync(CommandServiceRequest request, string? requestId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks once for a final response.</summary>
    /// <exception cref="ConnectionLostException">The connection broke before the answer came: ask again.</exception>
    Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken);

    /// <summary>Starts a CurrentState stream; as far as the protocol can tell, it is in place when the task completes.</summary>
    Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken);
}
