using System.Collections;
using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Shell;

/// <summary>How the shell shows the value of a submission.</summary>
internal static class ShellPrinter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        ICommandResponse response => Printer.Response(response),
        CurrentState state => Printer.State(state),
        Location.Location location => $"{location.Connection.Name}  {location.Uri}",
        Location.TrackingEvent change => Printer.Event(change),
        Csw.Params.Command command => $"{command.GetType().Name} {command.CommandName.Name} from {command.Source} [{string.Join(", ", command.ParamSet)}]",
        IEnumerable items and not IDictionary => string.Join(Environment.NewLine, items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
