namespace Csw.Params;

/// <summary>The component is locked by another prefix and refused the command.</summary>
public sealed record Locked : CommandResponse, IValidateResponse, IOnewayResponse, ISubmitResponse, IMatchingResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Locked(Id runId)
        : base(runId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Locked";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
