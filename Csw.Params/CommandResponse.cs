namespace Csw.Params;

/// <summary>
/// A response to a command, for the command with <see cref="RunId"/>. The concrete responses implement the
/// group interfaces CSW defines: <see cref="IValidateResponse"/>, <see cref="ISubmitResponse"/>,
/// <see cref="IOnewayResponse"/>, <see cref="IMatchingResponse"/>. On the wire <c>{"_type": "Completed", "runId": ..., ...}</c>.
/// </summary>
public abstract record CommandResponse : ICommandResponse
{
    private protected CommandResponse(Id runId) => RunId = runId ?? throw new ArgumentNullException(nameof(runId));

    /// <inheritdoc />
    public Id RunId { get; init; }

    /// <inheritdoc />
    public bool IsFinal => this is not Started;

    /// <inheritdoc />
    public bool IsPositive => this is Accepted or Completed;

    /// <inheritdoc />
    public bool IsNegative => this is Invalid or Error or Cancelled or Locked;

    /// <summary>The wire <c>_type</c>, e.g. <c>Completed</c>.</summary>
    public abstract string TypeName { get; }
}
