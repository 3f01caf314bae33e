using Csw.Params;

namespace Csw.Crm;

/// <summary>The outcome of <see cref="CommandResponseManager.QueryFinalAllAsync"/>: every sub-command's final response, in the order given.</summary>
public abstract record OverallResponse
{
    private protected OverallResponse(IReadOnlyList<ISubmitResponse> responses) => Responses = responses;

    /// <summary>The final responses, in the order the sub-commands were given.</summary>
    public IReadOnlyList<ISubmitResponse> Responses { get; }
}
