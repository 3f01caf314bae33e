using System.Collections;
using System.Globalization;
using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Shell;

/// <summary>
/// How the shell shows values: responses, states and commands on one line with their parameters
/// as <c>key=value</c>, locations and tracking events as the other subcommands print them.
/// </summary>
internal static class ShellPrinter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        ICommandResponse response => Response(response),
        CurrentState state => State(state),
        Csw.Params.Command command => $"{command.TypeName} {command.CommandName.Name} from {command.Source}{Parameters(command.ParamSet, " ")}",
        Location.Location location => $"{location.Connection.Name}  {location.Uri}",
        Location.TrackingEvent change => Printer.Event(change),
        Parameter parameter => Parameter(parameter),
        // A submission left un-awaited would otherwise print as "System.Threading.Tasks.Task`1[...]".
        Task task => Task(task),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items and not IDictionary => string.Join(Environment.NewLine, items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    /// <summary>A response on one line: its kind and runId, then what it carries.</summary>
    public static string Response(ICommandResponse response) => response switch
    {
        Completed completed => $"Completed {completed.RunId}{Parameters(completed.Result.ParamSet, " result: ")}",
        Invalid invalid => $"Invalid {invalid.RunId}: {invalid.Issue.Kind}: {invalid.Issue.Reason}",
        Error error => $"Error {error.RunId}: {error.Message}",
        CommandResponse other => $"{other.GetType().Name} {other.RunId}",
        _ => response.ToString() ?? "",
    };

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

    private static string Parameters(ParamSet parameters, string lead) =>
        parameters.Count == 0 ? "" : lead + string.Join(", ", parameters.Select(Parameter));

    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Task(Task task) => task switch
    {
        { IsFaulted: true } => $"(a Task that failed: {task.Exception!.InnerException?.Message}; write await before the call to see errors at once)",
        { IsCompleted: true } => "(a finished Task: write await before the call to get its result)",
        _ => "(a running Task: write await before the call to wait for its result)",
    };
}
