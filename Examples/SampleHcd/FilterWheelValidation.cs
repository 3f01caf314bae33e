using Csw.Params;

namespace Examples.SampleHcd;

/// <summary>What the filter wheel accepts: the checks behind <see cref="FilterWheelHcd.ValidateCommandAsync"/>.</summary>
public static class FilterWheelValidation
{
    /// <summary>Why the wheel cannot run <paramref name="command"/> now; null when it can.</summary>
    /// <param name="command">The command.</param>
    /// <param name="online">Whether the wheel is online; an offline wheel only answers status and stop.</param>
    /// <param name="moving">Whether a move is in progress.</param>
    public static CommandIssue? Check(ControlCommand command, bool online, bool moving)
    {
        switch (command.CommandName.Name)
        {
            case "status" or "stop":
                return null;
            case "move":
                if (!online)
                {
                    return new CommandIssue(CommandIssueKind.WrongInternalStateIssue, "The wheel is offline.");
                }
                if (!command.TryGet(FilterWheelHcd.Target, out var target))
                {
                    return new CommandIssue(CommandIssueKind.MissingKeyIssue, "move needs an int 'target'.");
                }
                if (target.Head is < 0 or >= FilterWheelHcd.Slots)
                {
                    return new CommandIssue(CommandIssueKind.ParameterValueOutOfRangeIssue, $"target must be 0..{FilterWheelHcd.Slots - 1}, not {target.Head}.");
                }
                return moving ? new CommandIssue(CommandIssueKind.HCDBusyIssue, "The wheel is already moving.") : null;
            default:
                return new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, $"Unknown command '{command.CommandName}'.");
        }
    }
}
