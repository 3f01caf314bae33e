using System.Collections;
using System.Globalization;
using Csw.Location;
using Csw.Params;
using Spectre.Console;

namespace Csw.Cli.Common;

/// <summary>
/// How locations, responses, states and parameters look, the same in every subcommand, the shell
/// and the demo: parameters as <c>key=value units</c>, as they are typed.
/// </summary>
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

    /// <summary>Whether output to <paramref name="console"/> is plain text: it goes to a file or a pipe, or cannot show ANSI codes.</summary>
    public static bool IsPlain(IAnsiConsole console) => Console.IsOutputRedirected || !console.Profile.Capabilities.Ansi;

    /// <summary>
    /// A table on a terminal; plain columns, one row per line and never wrapped, when the output
    /// is plain (<see cref="IsPlain"/>), so that scripts can read it.
    /// </summary>
    public static void Table(IAnsiConsole console, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (IsPlain(console))
        {
            var widths = headers.Select((header, i) => all.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
            foreach (var row in all.Prepend(headers))
            {
                console.Profile.Out.Writer.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
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

    /// <summary>
    /// A response on one line: its kind and runId, then what it carries: <c>Completed 4f1c… result: position=5</c>,
    /// <c>Invalid 4f1c…: ParameterValueOutOfRangeIssue: target must be 0..7</c>. Without the runId when <paramref name="runId"/> is false.
    /// </summary>
    public static string Response(ICommandResponse response, bool runId = true)
    {
        var id = runId ? $" {response.RunId}" : "";
        return response switch
        {
            Completed completed => $"Completed{id}{Parameters(completed.Result.ParamSet, " result: ")}",
            Invalid invalid => $"Invalid{id}: {invalid.Issue.Kind}: {invalid.Issue.Reason}",
            Error error => $"Error{id}: {error.Message}",
            _ => $"{response.GetType().Name}{id}",
        };
    }

    /// <summary>A CurrentState: who published it, its name and its parameters.</summary>
    public static string State(CurrentState state) => $"CurrentState {state.Prefix} {state.StateName}{Parameters(state.ParamSet, ": ")}";

    /// <summary><c>target=3</c>, <c>offsets=1.5,-2 arcsec</c>, <c>name="blue"</c>.</summary>
    public static string Parameter(Parameter parameter)
    {
        // Parameter<T> is generic over the value type; its values are reached without knowing T.
        var values = parameter.GetType().GetProperty(nameof(Parameter<int>.Values))?.GetValue(parameter) as IEnumerable;
        var text = values is null
            ? parameter.ToString()
            : string.Join(",", values.Cast<object?>().Select(Value));
        var units = parameter.Units == Units.NoUnits ? "" : $" {parameter.Units.Identifier}";
        return $"{parameter.KeyName}={text}{units}";
    }

    /// <summary>The parameters after <paramref name="lead"/>, comma-separated; nothing when there are none.</summary>
    public static string Parameters(ParamSet parameters, string lead) =>
        parameters.Count == 0 ? "" : lead + string.Join(", ", parameters.Select(Parameter));

    public static bool IsNegative(ICommandResponse response) => response is Error or Invalid or Locked or Cancelled;

    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
