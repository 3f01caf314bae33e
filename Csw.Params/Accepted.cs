namespace Csw.Params;

/// <summary>The command is valid and was accepted (answer to Validate and Oneway).</summary>
public sealed record Accepted : CommandResponse, IValidateResponse, IOnewayResponse
{
    /// <summary>Creates the response for <paramref name="runId"/>.</summary>
    public Accepted(Id runId)
        : base(runId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Accepted";
}
