namespace Csw.Params;

/// <summary>The command was cancelled before it finished.</summary>
public sealed record Cancelled : CommandResponse, ISubmitResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Cancelled(Id runId)
        : base(runId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Cancelled";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
