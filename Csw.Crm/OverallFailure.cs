using Csw.Params;

namespace Csw.Crm;

/// <summary>At least one sub-command did not complete.</summary>
public sealed record OverallFailure : OverallResponse
{
    /// <summary>Creates the outcome.</summary>
    /// <param name="responses">The final responses, in the order the sub-commands were given.</param>
    public OverallFailure(IReadOnlyList<ISubmitResponse> responses)
        : base(responses)
    {
    }
}
