using Csw.Framework;
using Csw.Params;

namespace Examples.SampleHcd;

/// <summary>
/// A simulated filter wheel with <see cref="Slots"/> slots. <c>move</c> (key <c>target</c>) answers
/// <see cref="Started"/> at once, turns one slot per step while publishing CurrentState
/// <c>position</c>, and reports <see cref="Completed"/> through the CRM. <c>status</c> completes at once.
/// </summary>
public sealed class FilterWheelHcd(CswContext context, TimeSpan stepTime) : ComponentHandlers(context)
{
    public const int Slots = 8;
    public static readonly Key<int> Target = Keys.Int("target");
    public static readonly Key<int> Position = Keys.Int("position");
    public static readonly Key<bool> Moving = Keys.Boolean("moving");
    public static readonly StateName PositionState = new("position");

    /// <summary>The slot under the beam; written only by the one move in progress.</summary>
    private int _position;

    /// <summary>1 while a move is in progress.</summary>
    private int _moving;

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        Publish(moving: false, target: 0);
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(Validate(command) is { } issue ? new Invalid(runId, issue) : new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        if (command.CommandName.Name == "status")
        {
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId, new Result().Add(Position.Set(_position))));
        }
        Interlocked.Exchange(ref _moving, 1);
        _ = MoveAsync(runId, command.Get(Target).Head);
        return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;

    private CommandIssue? Validate(ControlCommand command)
    {
        switch (command.CommandName.Name)
        {
            case "status":
                return null;
            case "move":
                if (!IsOnline)
                {
                    return new CommandIssue(CommandIssueKind.WrongInternalStateIssue, "The wheel is offline.");
                }
                if (!command.TryGet(Target, out var target))
                {
                    return new CommandIssue(CommandIssueKind.MissingKeyIssue, "move needs an int 'target'.");
                }
                if (target.Head is < 0 or >= Slots)
                {
                    return new CommandIssue(CommandIssueKind.ParameterValueOutOfRangeIssue, $"target must be 0..{Slots - 1}, not {target.Head}.");
                }
                return Volatile.Read(ref _moving) == 1 ? new CommandIssue(CommandIssueKind.HCDBusyIssue, "The wheel is already moving.") : null;
            default:
                return new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, $"Unknown command '{command.CommandName}'.");
        }
    }

    // Runs in the background: the handler has already answered Started.
    private async Task MoveAsync(Id runId, int target)
    {
        while (_position != target)
        {
            await Task.Delay(stepTime);
            _position += Math.Sign(target - _position);
            Publish(moving: _position != target, target);
        }
        Interlocked.Exchange(ref _moving, 0);
        Context.CommandResponseManager.UpdateCommand(new Completed(runId, new Result().Add(Position.Set(_position))));
    }

    private void Publish(bool moving, int target) =>
        Context.CurrentStatePublisher.Publish(new CurrentState(Context.ComponentInfo.Prefix, PositionState)
            .Add(Position.Set(_position), Target.Set(target), Moving.Set(moving)));
}
