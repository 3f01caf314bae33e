using Akka.Actor;
using Csw.Crm;
using Csw.Params;
using Csw.PubSub;

namespace Examples.TemperatureHcd;

/// <summary>
/// The HCD's child actor that owns the hardware: it polls the thermometer, publishes each reading
/// as CurrentState <c>temperature</c>, and completes a <c>setTemperature</c> command in the CRM once
/// the reading is within <see cref="Tolerance"/> of the target. A failed read throws; the component
/// restarts this actor (its supervision), and the command in progress carries over to the new one.
/// </summary>
public sealed class HeaterController : ReceiveActor, IWithTimers
{
    public const double Tolerance = 0.5;
    public static readonly StateName TemperatureState = new("temperature");
    public static readonly Key<double> Temperature = Keys.Double("temperature");

    /// <summary>Heat or cool to <paramref name="Kelvin"/>; <paramref name="RunId"/> completes when it is reached.</summary>
    public sealed record SetTarget(double Kelvin, Id RunId);

    private sealed record Poll;

    private readonly SimulatedHeater _heater;
    private readonly Prefix _prefix;
    private readonly CurrentStatePublisher _states;
    private readonly CommandResponseManager _crm;

    /// <summary>The command in progress, if any.</summary>
    private SetTarget? _target;

    public HeaterController(SimulatedHeater heater, Prefix prefix, CurrentStatePublisher states, CommandResponseManager crm, TimeSpan pollInterval)
    {
        (_heater, _prefix, _states, _crm) = (heater, prefix, states, crm);
        Timers.StartPeriodicTimer("poll", new Poll(), pollInterval);
        Receive<SetTarget>(target =>
        {
            if (_target is { } replaced)
            {
                _crm.UpdateCommand(new Cancelled(replaced.RunId));
            }
            _target = target;
            _heater.Setpoint = target.Kelvin;
        });
        Receive<Poll>(_ => OnPoll());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SimulatedHeater heater, Prefix prefix, CurrentStatePublisher states, CommandResponseManager crm, TimeSpan pollInterval) =>
        Akka.Actor.Props.Create(() => new HeaterController(heater, prefix, states, crm, pollInterval));

    // The new instance gets the command in progress: a restart must not leave its caller waiting.
    protected override void PreRestart(Exception reason, object message)
    {
        if (_target is { } target)
        {
            Self.Tell(target);
        }
        base.PreRestart(reason, message);
    }

    private void OnPoll()
    {
        var kelvin = _heater.ReadTemperature(); // may throw: the component restarts this actor
        _states.Publish(new CurrentState(_prefix, TemperatureState).Add(Temperature.Set(kelvin).WithUnits(Units.Kelvin)));
        if (_target is { } target && Math.Abs(kelvin - target.Kelvin) <= Tolerance)
        {
            _crm.UpdateCommand(new Completed(target.RunId, new Result().Add(Temperature.Set(kelvin).WithUnits(Units.Kelvin))));
            _target = null;
        }
    }
}
