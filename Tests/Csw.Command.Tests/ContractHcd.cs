using System.Collections.Concurrent;
using Csw.Framework;
using Csw.Params;

namespace Csw.Command.Tests;

/// <summary>
/// The component the command contract suite talks to. Submit commands: <c>complete</c>,
/// <c>invalid</c> (fails validation), <c>fail</c> (final Error), <c>throw</c> (OnSubmit throws),
/// <c>long</c> (Started; Completed when <see cref="ContractHcdControl.Release"/> is opened),
/// <c>never</c> (Started, never finishes), <c>stall</c> (OnSubmit itself waits for
/// <see cref="ContractHcdControl.Unstall"/>, so no first response comes). Oneway commands:
/// <c>move</c> (publishes state <c>position</c> with the command's <c>position</c> value, in
/// <see cref="Units.Meter"/>), <c>flag</c> (publishes state <c>flag</c>), anything else publishes nothing.
/// </summary>
public sealed class ContractHcd(CswContext context, ContractHcdControl control) : ComponentHandlers(context)
{
    public static readonly Prefix Prefix = Prefix.Parse("WFOS.contract.hcd");
    public static readonly Key<int> Position = Keys.Int("position");

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref control.InitializedCount);
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(command.CommandName.Name == "invalid"
            ? new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "not supported"))
            : new Accepted(runId));

    public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        control.Submitted.Enqueue(command.CommandName.Name);
        switch (command.CommandName.Name)
        {
            case "fail":
                return new Error(runId, "failed on purpose");
            case "throw":
                throw new InvalidOperationException("thrown on purpose");
            case "long":
                _ = control.Release.Task.ContinueWith(_ => Context.CommandResponseManager.UpdateCommand(new Completed(runId)), TaskScheduler.Default);
                return new Started(runId);
            case "never":
                return new Started(runId);
            case "stall":
                await control.Unstall.Task;
                return new Completed(runId);
            default:
                return new Completed(runId);
        }
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command)
    {
        switch (command.CommandName.Name)
        {
            case "move":
                Context.CurrentStatePublisher.Publish(new CurrentState(Prefix, "position").Add(Position.Set(command.Get(Position).Head).WithUnits(Units.Meter)));
                break;
            case "flag":
                Context.CurrentStatePublisher.Publish(new CurrentState(Prefix, "flag"));
                break;
        }
        return ValueTask.CompletedTask;
    }

    public override Task OnShutdownAsync()
    {
        Interlocked.Increment(ref control.ShutDownCount);
        return Task.CompletedTask;
    }
}

/// <summary>What a contract test steers and observes of its <see cref="ContractHcd"/>.</summary>
public sealed class ContractHcdControl
{
    /// <summary>Completes the <c>long</c> commands.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the <c>stall</c> commands' OnSubmit return.</summary>
    public TaskCompletionSource Unstall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many handlers instances initialized.</summary>
    public int InitializedCount;

    /// <summary>How many handlers instances shut down.</summary>
    public int ShutDownCount;

    /// <summary>How many handlers instances initialized.</summary>
    public int Initialized => Volatile.Read(ref InitializedCount);

    /// <summary>How many handlers instances shut down.</summary>
    public int ShutDown => Volatile.Read(ref ShutDownCount);

    /// <summary>The names of the commands OnSubmit was called with, in order.</summary>
    public ConcurrentQueue<string> Submitted { get; } = new();
}
