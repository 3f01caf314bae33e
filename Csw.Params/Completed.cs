namespace Csw.Params;

/// <summary>The command finished successfully, with a <see cref="Params.Result"/> (empty by default).</summary>
public sealed record Completed : CommandResponse, ISubmitResponse, IMatchingResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Completed(Id runId, Result? result = null)
        : base(runId)
    {
        Result = result ?? Result.Empty;
    }

    /// <summary>What the command returned.</summary>
    public Result Result { get; init; }

    /// <inheritdoc />
    public override string TypeName => "Completed";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
