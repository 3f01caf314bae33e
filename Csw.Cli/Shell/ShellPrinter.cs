using System.Collections;
using System.Globalization;
using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Shell;

/// <summary>
/// How the shell shows values: responses, states, parameters, locations and tracking events as the
/// other subcommands print them (<see cref="Printer"/>), commands on one line with their parameters.
/// </summary>
internal static class ShellPrinter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        ICommandResponse response => Printer.Response(response),
        CurrentState state => Printer.State(state),
        Csw.Params.Command command => $"{command.TypeName} {command.CommandName.Name} from {command.Source}{Printer.Parameters(command.ParamSet, " ")}",
        Location.Location location => $"{location.Connection.Name}  {location.Uri}",
        Location.TrackingEvent change => Printer.Event(change),
        Parameter parameter => Printer.Parameter(parameter),
        // A submission left un-awaited would otherwise print as "System.Threading.Tasks.Task`1[...]".
        Task task => Task(task),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items and not IDictionary => string.Join(Environment.NewLine, items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static string Task(Task task) => task switch
    {
        { IsFaulted: true } => $"(a Task that failed: {task.Exception!.InnerException?.Message}; write await before the call to see errors at once)",
        { IsCompleted: true } => "(a finished Task: write await before the call to get its result)",
        _ => "(a running Task: write await before the call to wait for its result)",
    };
}
