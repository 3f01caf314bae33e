using Csw.Params;

namespace Csw.Command.Internal;

/// <summary>
/// Submit and Oneway with the client's request id, for a command endpoint that passes on the id its
/// own client sent (the session envelope's <c>requestId</c>, or the <c>Idempotency-Key</c> header).
/// </summary>
internal interface IRequestIdCommands
{
    Task<ISubmitResponse> SubmitAsync(ControlCommand command, string? requestId, CancellationToken cancellationToken);

    Task<IOnewayResponse> OnewayAsync(ControlCommand command, string? requestId, CancellationToken cancellationToken);
}
