using Csw.Location;
using Csw.Params;

namespace Csw.Framework.Tests.Support;

/// <summary>
/// A test HCD whose behaviour the test steers through <see cref="TestHcdControl"/>. Commands:
/// <c>complete</c> (completes at once), <c>invalid</c> (fails validation), <c>validate-throws</c>
/// (ValidateCommandAsync throws), <c>validate-null</c> (ValidateCommandAsync returns null), <c>throw</c> (OnSubmit
/// throws), <c>null</c> (OnSubmit returns null), <c>long</c> (Started, completed when the test opens <see cref="TestHcdControl.LongCommandGate"/>),
/// <c>blocking</c> (OnSubmit itself awaits <see cref="TestHcdControl.HandlerGate"/>), <c>publish</c>
/// (publishes a CurrentState named <c>state</c>), <c>online?</c> (completes with
/// <see cref="ComponentHandlers.IsOnline"/> in its result), <c>timer</c> (starts a periodic component timer counting <see cref="TestHcdControl.TimerTicks"/>).
/// </summary>
internal sealed class TestHcd : ComponentHandlers
{
    public static readonly Prefix Prefix = Prefix.Parse("WFOS.test.hcd");
    public static readonly Key<int> Value = Keys.Int("value");
    public static readonly Key<bool> Online = Keys.Boolean("online");

    private readonly TestHcdControl _control;

    public TestHcd(CswContext context, TestHcdControl control)
        : base(context)
    {
        _control = control;
        Interlocked.Increment(ref control.Instances);
        control.Context = context;
    }

    public override Task InitializeAsync(CancellationToken cancellationToken) =>
        _control.InitializeReturnsNull ? null! : InitializeCoreAsync(cancellationToken);

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _control.InitializeAttempts);
        if (attempt == 1 && _control.StubbornInitializeGate is { } stubborn)
        {
            await stubborn.Task;
            return;
        }
        if (_control.InitializeGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (attempt <= _control.InitializeFailures)
        {
            throw new InvalidOperationException($"initialize failure {attempt}");
        }
        if (_control.InitializeHangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _control.InitializeCancellations);
                throw;
            }
        }
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => command.CommandName.Name switch
    {
        "invalid" => ValueTask.FromResult<IValidateResponse>(new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "invalid on purpose"))),
        "validate-throws" => throw new InvalidOperationException("validation failed on purpose"),
        "validate-null" => ValueTask.FromResult<IValidateResponse>(null!),
        _ => ValueTask.FromResult<IValidateResponse>(new Accepted(runId)),
    };

    public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        Interlocked.Increment(ref _control.Submits);
        switch (command.CommandName.Name)
        {
            case "throw":
                throw new InvalidOperationException("submit failed on purpose");
            case "null":
                return null!;
            case "long":
                _ = _control.LongCommandGate.Task.ContinueWith(_ => Context.CommandResponseManager.UpdateCommand(new Completed(runId)), TaskScheduler.Default);
                return new Started(runId);
            case "blocking":
                _control.HandlerEntered.TrySetResult();
                await _control.HandlerGate.Task;
                return new Completed(runId);
            case "timer":
                Context.Timers.SchedulePeriodically(TimeSpan.FromMilliseconds(10), () => Interlocked.Increment(ref _control.TimerTicks));
                return new Completed(runId);
            case "online?":
                return new Completed(runId, new Result().Add(Online.Set(IsOnline)));
            case "publish":
                Context.CurrentStatePublisher.Publish(new CurrentState(Prefix, "state").Add(Value.Set(command.Get(Value).Head)));
                return new Completed(runId);
            default:
                return new Completed(runId);
        }
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command)
    {
        Interlocked.Increment(ref _control.Oneways);
        return command.CommandName.Name == "throw" ? throw new InvalidOperationException("oneway failed on purpose") : ValueTask.CompletedTask;
    }

    public override ValueTask OnGoOfflineAsync()
    {
        _control.Events.Enqueue("offline");
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnGoOnlineAsync()
    {
        _control.Events.Enqueue("online");
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnLocationTrackingEventAsync(TrackingEvent trackingEvent)
    {
        _control.Events.Enqueue($"{trackingEvent.GetType().Name}:{trackingEvent.Connection.ComponentId.Prefix}");
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnDiagnosticModeAsync(UtcTime startTime, string hint)
    {
        _control.Events.Enqueue($"diagnostic:{hint}");
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnOperationsModeAsync()
    {
        _control.Events.Enqueue("operations");
        return ValueTask.CompletedTask;
    }

    public override async Task OnShutdownAsync()
    {
        _control.Events.Enqueue("shutdown");
        switch (_control.Shutdown)
        {
            case ShutdownBehaviour.Throws:
                throw new InvalidOperationException("shutdown failed on purpose");
            case ShutdownBehaviour.Hangs:
                await Task.Delay(Timeout.Infinite);
                break;
        }
    }
}
