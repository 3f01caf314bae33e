namespace Csw.Params;

/// <summary>The command failed while running, with a message.</summary>
public sealed record Error : CommandResponse, ISubmitResponse, IMatchingResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Error(Id runId, string message)
        : base(runId)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>What went wrong.</summary>
    public string Message { get; init; }

    /// <inheritdoc />
    public override string TypeName => "Error";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
