namespace Csw.Params;

/// <summary>The command was rejected, for the reason in <see cref="Issue"/>.</summary>
public sealed record Invalid : CommandResponse, IValidateResponse, IOnewayResponse, ISubmitResponse, IMatchingResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Invalid(Id runId, CommandIssue issue)
        : base(runId)
    {
        Issue = issue ?? throw new ArgumentNullException(nameof(issue));
    }

    /// <summary>Why the command was rejected.</summary>
    public CommandIssue Issue { get; init; }

    /// <inheritdoc />
    public override string TypeName => "Invalid";

    /// <inheritdoc />
    public ISubmitResponse WithRunId(Id runId) => this with { RunId = runId ?? throw new ArgumentNullException(nameof(runId)) };
}
