using Csw.Command;
using Csw.Crm;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Examples.SampleHcd;

namespace Examples.SampleAssembly;

/// <summary>
/// An Assembly coordinating several filter wheels: <c>configure</c> (key <c>target</c>) becomes one
/// <c>move</c> per wheel, all at once; the assembly answers <see cref="Started"/>, waits for every
/// wheel with <c>QueryFinalAllAsync</c>, and records <see cref="Completed"/> or an
/// <see cref="Error"/> naming the wheels that failed. Once all wheels are there it publishes its
/// <c>configuration</c> CurrentState (key <c>target</c>). The wheels are its
/// <see cref="ComponentInfo.Connections"/>, found through the location service; while one is gone
/// (its location removed: stopped, or its process died), <c>configure</c> is refused at once,
/// naming it, until it is back.
/// </summary>
public sealed class FilterAssembly(CswContext context) : ComponentHandlers(context)
{
    /// <summary>The name of the state the assembly publishes when a configuration is done.</summary>
    public static readonly StateName ConfigurationState = new("configuration");

    /// <summary>Command services for the wheels, by component name; made while initializing.</summary>
    private readonly Dictionary<string, ICommandService> _wheels = [];

    /// <summary>The wheels whose location was removed, until they register again.</summary>
    private readonly SortedSet<string> _gone = [];

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var wheel in Context.ComponentInfo.Connections)
        {
            _wheels[wheel.Prefix.ComponentName] = await Context.CommandServiceForAsync(wheel, cancellationToken: cancellationToken);
        }
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(
            !(command.CommandName.Name == "configure" && command.Exists(FilterWheelHcd.Target))
                ? new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "Only 'configure' with an int 'target' is supported."))
            : _gone.Count > 0
                ? new Invalid(runId, new CommandIssue(CommandIssueKind.RequiredHCDUnavailableIssue, $"Wheels not there (their location was removed): {string.Join(", ", _gone)}."))
            : new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        var target = command.Get(FilterWheelHcd.Target).Head;
        var names = _wheels.Keys.ToList();
        var moves = names.Select(name => _wheels[name].SubmitAndWaitAsync(new Setup(Context.ComponentInfo.Prefix, "move").Add(FilterWheelHcd.Target.Set(target)))).ToList();
        _ = ReportAsync(runId, target, names, moves);
        return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    // While a wheel is gone, configure is refused; when it comes back (restarted, perhaps in another
    // process on another port), it is found again.
    public override async ValueTask OnLocationTrackingEventAsync(TrackingEvent trackingEvent)
    {
        var wheel = trackingEvent.Connection.Prefix.ComponentName;
        if (!_wheels.ContainsKey(wheel))
        {
            return;
        }
        if (trackingEvent is LocationUpdated { Location: var location })
        {
            _wheels[wheel] = await Context.CommandServiceForAsync(location.Connection.ComponentId, TimeSpan.FromSeconds(5));
            _gone.Remove(wheel);
        }
        else
        {
            _gone.Add(wheel);
        }
    }

    public override Task OnShutdownAsync() => Task.CompletedTask;

    private async Task ReportAsync(Id runId, int target, List<string> names, List<Task<ISubmitResponse>> moves)
    {
        ISubmitResponse final;
        try
        {
            var overall = await Context.CommandResponseManager.QueryFinalAllAsync(moves);
            var failed = names.Zip(overall.Responses).Where(wheel => wheel.Second is not Completed).Select(wheel => $"{wheel.First} ({Describe(wheel.Second)})");
            final = overall is OverallSuccess ? new Completed(runId) : new Error(runId, $"Wheels failed: {string.Join(", ", failed)}");
        }
        catch (Exception e)
        {
            final = new Error(runId, $"A wheel did not answer: {e.Message}");
        }
        if (final is Completed)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Context.ComponentInfo.Prefix, ConfigurationState).Add(FilterWheelHcd.Target.Set(target)));
        }
        Context.CommandResponseManager.UpdateCommand(final);
    }

    private static string Describe(ISubmitResponse response) => response switch
    {
        Invalid invalid => $"Invalid: {invalid.Issue.Reason}",
        Error error => $"Error: {error.Message}",
        _ => response.GetType().Name,
    };
}
