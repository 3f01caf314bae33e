using Csw.Params;

namespace Csw.Crm;

/// <summary>At least one sub-command did not complete.</summary>
/// <param name="responses">The final responses, at least one of them not <see cref="Completed"/>.</param>
public sealed record OverallFailure(IReadOnlyList<ISubmitResponse> responses) : OverallResponse(responses);
