using Csw.Params;

namespace Csw.Crm;

/// <summary>Every sub-command completed.</summary>
public sealed record OverallSuccess : OverallResponse
{
    /// <summary>Creates the outcome.</summary>
    /// <param name="responses">The final responses, in the order the sub-commands were given.</param>
    public OverallSuccess(IReadOnlyList<ISubmitResponse> responses)
        : base(responses)
    {
    }
}
