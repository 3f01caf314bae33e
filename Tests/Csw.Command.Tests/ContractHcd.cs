using Csw.Framework;
using Csw.Params;

namespace Csw.Command.Tests;

/// <summary>
/// The component the command contract suite talks to. Commands: <c>complete</c>, <c>invalid</c>,
/// <c>fail</c> (final Error), <c>long</c> (Started; Completed when <see cref="Release"/> is opened),
/// <c>never</c> (Started, never finishes), and the oneway <c>move</c> (publishes state <c>position</c>
/// with the command's <c>position</c> value, in <see cref="Units.Meter"/>).
/// </summary>
public sealed class ContractHcd(CswContext context, TaskCompletionSource release) : ComponentHandlers(context)
{
    public static readonly Prefix Prefix = Prefix.Parse("WFOS.contract.hcd");
    public static readonly Key<int> Position = Keys.Int("position");

    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(command.CommandName.Name == "invalid"
            ? new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "not supported"))
            : new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        ISubmitResponse response = command.CommandName.Name switch
        {
            "fail" => new Error(runId, "failed on purpose"),
            "long" => Later(runId),
            "never" => new Started(runId),
            _ => new Completed(runId),
        };
        return ValueTask.FromResult(response);
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command)
    {
        if (command.CommandName.Name == "move")
        {
            var position = command.Get(Position).Head;
            Context.CurrentStatePublisher.Publish(new CurrentState(Prefix, "position").Add(Position.Set(position).WithUnits(Units.Meter)));
        }
        return ValueTask.CompletedTask;
    }

    public override Task OnShutdownAsync() => Task.CompletedTask;

    private Started Later(Id runId)
    {
        _ = release.Task.ContinueWith(_ => Context.CommandResponseManager.UpdateCommand(new Completed(runId)), TaskScheduler.Default);
        return new Started(runId);
    }
}
