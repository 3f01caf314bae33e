using Csw.Location;
using Csw.Params;
using Spectre.Console;

namespace Csw.Cli.Common;

/// <summary>How locations, responses and states look on the terminal.</summary>
internal static class Printer
{
    public static void Locations(IAnsiConsole console, IReadOnlyCollection<Location.Location> locations)
    {
        if (locations.Count == 0)
        {
            console.WriteLine("No locations registered.");
            return;
        }
        var table = new Table().AddColumn("connection").AddColumn("type").AddColumn("uri");
        foreach (var location in locations.OrderBy(l => l.Connection.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(location.Connection.Name), location.Connection.ConnectionType.ToString().ToLowerInvariant(), Markup.Escape(location.Uri.ToString()));
        }
        console.Write(table);
    }

    public static string Event(TrackingEvent change) => change switch
    {
        LocationUpdated updated => $"updated  {updated.Location.Connection.Name}  {updated.Location.Uri}",
        LocationRemoved removed => $"removed  {removed.Connection.Name}",
        _ => change.ToString() ?? "",
    };

    /// <summary>A response on one line: its kind, runId and, for results and errors, what they carry.</summary>
    public static string Response(ICommandResponse response) => response switch
    {
        Completed { Result.ParamSet.Count: > 0 } completed => $"Completed {completed.RunId} result: {Parameters(completed.Result.ParamSet)}",
        Error error => $"Error {error.RunId}: {error.Message}",
        Invalid invalid => $"Invalid {invalid.RunId}: {invalid.Issue.Kind}: {invalid.Issue.Reason}",
        CommandResponse other => $"{other.GetType().Name} {other.RunId}",
        _ => response.ToString() ?? "",
    };

    public static string State(CurrentState state) => $"{state.StateName} {Parameters(state.ParamSet)}";

    public static bool IsNegative(ICommandResponse response) => response is Error or Invalid or Locked or Cancelled;

    private static string Parameters(ParamSet parameters) =>
        string.Join(", ", parameters.Select(parameter => parameter.ToString()));
}
