namespace Csw.Params;

/// <summary>
/// The answer to Submit, Query and QueryFinal: <see cref="Started"/> (not final), or one of the final
/// <see cref="Completed"/>, <see cref="Invalid"/>, <see cref="Error"/>, <see cref="Cancelled"/>, <see cref="Locked"/>.
/// </summary>
public interface ISubmitResponse : ICommandResponse
{
    /// <summary>The same response for another runId.</summary>
    ISubmitResponse WithRunId(Id runId);
}
