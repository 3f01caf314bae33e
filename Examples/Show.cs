using Csw.Params;
using Examples.SampleHcd;

namespace Examples;

/// <summary>One-line descriptions of command responses, for the samples' console output.</summary>
public static class Show
{
    /// <summary>E.g. <c>Completed (position 4)</c>, <c>Invalid: target must be 0..7, not 9.</c></summary>
    public static string Response(ICommandResponse response) => response switch
    {
        Completed completed when completed.Result.Exists(FilterWheelHcd.Position) =>
            $"Completed (position {completed.Result.Get(FilterWheelHcd.Position).Head})",
        Invalid invalid => $"Invalid ({invalid.Issue.Kind}): {invalid.Issue.Reason}",
        Error error => $"Error: {error.Message}",
        _ => response.GetType().Name,
    };
}
