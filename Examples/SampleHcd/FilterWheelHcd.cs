using Csw.Framework;
using Csw.Params;

namespace Examples.SampleHcd;

/// <summary>
/// A simulated filter wheel with <see cref="Slots"/> slots. <c>move</c> (key <c>target</c>) answers
/// <see cref="Started"/> at once, turns one slot per step while publishing CurrentState
/// <c>position</c>, and reports <see cref="Completed"/> through the CRM. <c>stop</c> halts a move
/// (which then ends <see cref="Cancelled"/>) and <c>status</c> reads the position; both complete at once.
/// </summary>
public sealed class FilterWheelHcd(CswContext context, TimeSpan stepTime) : ComponentHandlers(context)
{
    public const int Slots = 8;
    public static readonly TimeSpan DefaultStepTime = TimeSpan.FromMilliseconds(100);
    public static readonly Key<int> Target = Keys.Int("target");
    public static readonly Key<int> Position = Keys.Int("position");
    public static readonly Key<bool> Moving = Keys.Boolean("moving");
    public static readonly StateName PositionState = new("position");

    /// <summary>The slot under the beam; written only by the one move in progress.</summary>
    private int _position;

    /// <summary>1 while a move is in progress; the background move clears it.</summary>
    private int _moving;

    /// <summary>The last move and how to stop it; used by handler calls only (one at a time).</summary>
    private (Task Task, CancellationTokenSource Stop) _move = (Task.CompletedTask, new CancellationTokenSource());

    /// <summary>A wheel turning one slot per <see cref="DefaultStepTime"/>.</summary>
    public FilterWheelHcd(CswContext context)
        : this(context, DefaultStepTime)
    {
    }

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        Publish(moving: false, target: 0);
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(FilterWheelValidation.Check(command, IsOnline, Volatile.Read(ref _moving) == 1) is { } issue
            ? new Invalid(runId, issue)
            : new Accepted(runId));

    public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        switch (command.CommandName.Name)
        {
            case "move" when command.Get(Target).Head == _position:
                return new Completed(runId, new Result().Add(Position.Set(_position))); // already there
            case "move":
                Interlocked.Exchange(ref _moving, 1);
                var stop = new CancellationTokenSource();
                _move = (MoveAsync(runId, command.Get(Target).Head, stop.Token), stop);
                return new Started(runId);
            case "stop":
                await _move.Stop.CancelAsync();
                await _move.Task; // ends within moments: the step delay is cancelled
                return new Completed(runId, new Result().Add(Position.Set(_position)));
            default: // status
                return new Completed(runId, new Result().Add(Position.Set(_position)));
        }
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override async Task OnShutdownAsync()
    {
        await _move.Stop.CancelAsync();
        await _move.Task;
    }

    // Runs in the background: the handler has already answered Started. Whatever happens, the
    // command gets a final response, or callers waiting in QueryFinal would wait until they time out.
    private async Task MoveAsync(Id runId, int target, CancellationToken stop)
    {
        ISubmitResponse final;
        try
        {
            while (_position != target)
            {
                await Task.Delay(stepTime, stop);
                _position += Math.Sign(target - _position);
                Publish(moving: _position != target, target);
            }
            final = new Completed(runId, new Result().Add(Position.Set(_position)));
        }
        catch (OperationCanceledException)
        {
            Publish(moving: false, target);
            final = new Cancelled(runId);
        }
        catch (Exception e)
        {
            final = new Error(runId, $"The wheel failed at slot {_position}: {e.Message}");
        }
        Interlocked.Exchange(ref _moving, 0);
        Context.CommandResponseManager.UpdateCommand(final);
    }

    private void Publish(bool moving, int target) =>
        Context.CurrentStatePublisher.Publish(new CurrentState(Context.ComponentInfo.Prefix, PositionState)
            .Add(Position.Set(_position), Target.Set(target), Moving.Set(moving)));
}
