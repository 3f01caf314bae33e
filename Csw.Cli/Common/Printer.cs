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
        Table(console, ["connection", "type", "uri"], locations
            .OrderBy(l => l.Connection.Name, StringComparer.Ordinal)
            .Select(l => new[] { l.Connection.Name, l.Connection.ConnectionType.ToString().ToLowerInvariant(), l.Uri.ToString() }));
    }

    /// <summary>
    /// A table on a terminal; plain columns, one row per line and never wrapped, when the output
    /// goes to a file or a pipe, so that scripts can read it.
    /// </summary>
    public static void Table(IAnsiConsole console, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (Console.IsOutputRedirected)
        {
            var widths = headers.Select((header, i) => all.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
            foreach (var row in all.Prepend(headers))
            {
                Console.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }
            return;
        }
        var table = new Table();
        foreach (var header in headers)
        {
            table.AddColumn(header);
        }
        foreach (var row in all)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
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
