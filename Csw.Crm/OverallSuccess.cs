using Csw.Params;

namespace Csw.Crm;

/// <summary>Every sub-command completed.</summary>
/// <param name="responses">The final responses, all <see cref="Completed"/>.</param>
public sealed record OverallSuccess(IReadOnlyList<ISubmitResponse> responses) : OverallResponse(responses);
