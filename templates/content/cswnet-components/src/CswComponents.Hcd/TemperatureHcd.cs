using Csw.Framework;
using Csw.Params;

namespace CswComponents.Hcd;

/// <summary>
/// A temperature controller, simulated: <c>setTemperature</c> (key <c>target</c>, kelvin, 4..400)
/// answers <see cref="Started"/> at once, then moves the temperature 1 K per tick towards the target,
/// publishing CurrentState <c>temperature</c> at each tick, and completes when it gets there. A new
/// <c>setTemperature</c> cancels the one in progress. Replace the simulation with your hardware.
/// </summary>
public sealed class TemperatureHcd : ComponentHandlers
{
    public static readonly Key<double> Target = Keys.Double("target");
    public static readonly Key<double> Temperature = Keys.Double("temperature");
    public static readonly StateName TemperatureState = new("temperature");

    /// <summary>How long one kelvin takes.</summary>
    private readonly TimeSpan _tick;

    /// <summary>The temperature now; written only by the one ramp in progress.</summary>
    private double _kelvin = 290;

    /// <summary>The ramp in progress, and how to stop it.</summary>
    private (Task Task, CancellationTokenSource Stop) _ramp = (Task.CompletedTask, new CancellationTokenSource());

    /// <summary>The constructor a container calls: <c>csw container</c> makes handlers through a public (CswContext) constructor.</summary>
    public TemperatureHcd(CswContext context)
        : this(context, TimeSpan.FromMilliseconds(100))
    {
    }

    /// <summary>For tests: time is an argument, so that they run in milliseconds.</summary>
    public TemperatureHcd(CswContext context, TimeSpan tick)
        : base(context) => _tick = tick;

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Connect to the hardware here; throw (or take longer than initializeTimeout) and the
        // component tries again with a fresh instance, backing off. The first reading is published
        // at once: every subscriber sees it, the TestKit's CurrentState probe too.
        Publish();
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(command switch
        {
            { CommandName.Name: not "setTemperature" } => new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, $"Unknown command {command.CommandName}; try setTemperature.")),
            _ when !command.Exists(Target) => new Invalid(runId, new CommandIssue(CommandIssueKind.MissingKeyIssue, "setTemperature needs a double 'target' in kelvin.")),
            _ when command.Get(Target).Head is < 4 or > 400 => new Invalid(runId, new CommandIssue(CommandIssueKind.ParameterValueOutOfRangeIssue, $"target must be 4..400 K, not {command.Get(Target).Head}.")),
            _ => new Accepted(runId),
        });

    public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        await StopRampAsync();
        var stop = new CancellationTokenSource();
        _ramp = (RampAsync(runId, command.Get(Target).Head, stop.Token), stop);
        return new Started(runId);
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => StopRampAsync();

    private async Task StopRampAsync()
    {
        await _ramp.Stop.CancelAsync();
        await _ramp.Task; // ends within moments: the tick's delay is cancelled
    }

    // Runs in the background: the handler has already answered Started. Whatever happens, the
    // command gets a final response, or callers waiting for it would wait until they time out.
    private async Task RampAsync(Id runId, double target, CancellationToken stop)
    {
        ISubmitResponse final;
        try
        {
            while (Math.Abs(target - _kelvin) > 0.01)
            {
                await Task.Delay(_tick, stop);
                _kelvin += Math.Clamp(target - _kelvin, -1, 1);
                Publish();
            }
            final = new Completed(runId, new Result().Add(Temperature.Set(_kelvin).WithUnits(Units.Kelvin)));
        }
        catch (OperationCanceledException)
        {
            final = new Cancelled(runId);
        }
        Context.CommandResponseManager.UpdateCommand(final);
    }

    private void Publish() =>
        Context.CurrentStatePublisher.Publish(new CurrentState(Context.ComponentInfo.Prefix, TemperatureState).Add(Temperature.Set(_kelvin).WithUnits(Units.Kelvin)));
}
