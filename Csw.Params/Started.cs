namespace Csw.Params;

/// <summary>The command was accepted and is running; its final response comes later (CSW's async command pattern).</summary>
public sealed record Started : CommandResponse, ISubmitResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Started(Id runId)
        : base(runId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Started";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
