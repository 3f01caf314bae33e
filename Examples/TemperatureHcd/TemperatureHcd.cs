using Akka.Actor;
using Csw.Framework;
using Csw.Params;

namespace Examples.TemperatureHcd;

/// <summary>
/// A temperature controller whose hardware I/O runs in a child actor (<see cref="HeaterController"/>):
/// <c>setTemperature</c> (key <c>target</c>, kelvin, 4..400) answers <see cref="Started"/> at once
/// and completes when the thermometer reads the target. The handlers stay free for the next command
/// while the child polls; the component supervises the child, restarting it when a read fails.
/// </summary>
public sealed class TemperatureHcd(CswContext context, SimulatedHeater heater, TimeSpan pollInterval) : ComponentHandlers(context)
{
    public static readonly Key<double> Target = Keys.Double("target");

    private IActorRef _controller = ActorRefs.Nobody;

    /// <summary>A controller of a simulated heater at 290 K, polled every 50 ms (the constructor a container uses).</summary>
    public TemperatureHcd(CswContext context)
        : this(context, new SimulatedHeater(290), TimeSpan.FromMilliseconds(50))
    {
    }

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        var props = HeaterController.Props(heater, Context.ComponentInfo.Prefix, Context.CurrentStatePublisher, Context.CommandResponseManager, pollInterval);
        _controller = Context.ActorContext.ActorOf(props, "heater");
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(command switch
        {
            { CommandName.Name: not "setTemperature" } => new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, $"Unknown command {command.CommandName}; try setTemperature.")),
            _ when !command.Exists(Target) => new Invalid(runId, new CommandIssue(CommandIssueKind.MissingKeyIssue, "setTemperature needs 'target' in kelvin.")),
            _ when command.Get(Target).Head is < 4 or > 400 => new Invalid(runId, new CommandIssue(CommandIssueKind.ParameterValueOutOfRangeIssue, $"target must be 4..400 K, not {command.Get(Target).Head}.")),
            _ => new Accepted(runId),
        });

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        _controller.Tell(new HeaterController.SetTarget(command.Get(Target).Head, runId));
        return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    // The component stops the child itself (at shutdown and restart); nothing else to release.
    public override Task OnShutdownAsync() => Task.CompletedTask;
}
