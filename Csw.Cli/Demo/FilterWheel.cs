using Csw.Actors;

namespace Csw.Cli.Demo;

/// <summary>The filter wheel's messages.</summary>
internal abstract record WheelMessage;

/// <summary>Move to a slot; the reply comes when the move is over.</summary>
internal sealed record Move(int Target, ActorRef<MoveDone> ReplyTo) : WheelMessage;

/// <summary>Ask for the current slot.</summary>
internal sealed record GetPosition(ActorRef<int> ReplyTo) : WheelMessage;

/// <summary>One step of a move has happened (sent by the wheel to itself).</summary>
internal sealed record Stepped(int Position, int Target, ActorRef<MoveDone> ReplyTo) : WheelMessage;

/// <summary>The reply to <see cref="Move"/>.</summary>
internal sealed record MoveDone(int Position);

/// <summary>
/// A simulated filter wheel: each step takes 50 ms of "hardware" time, awaited off the actor
/// and piped back as a message, so queries are answered during a move.
/// </summary>
internal sealed class FilterWheel : IActor<WheelMessage>
{
    private int _position;

    public ValueTask ReceiveAsync(IActorContext<WheelMessage> context, WheelMessage message)
    {
        switch (message)
        {
            case Move move:
                Step(context, move.Target, move.ReplyTo);
                break;
            case Stepped stepped:
                _position = stepped.Position;
                if (_position == stepped.Target)
                {
                    stepped.ReplyTo.Tell(new MoveDone(_position));
                }
                else
                {
                    Step(context, stepped.Target, stepped.ReplyTo);
                }
                break;
            case GetPosition get:
                get.ReplyTo.Tell(_position);
                break;
        }
        return ValueTask.CompletedTask;
    }

    private void Step(IActorContext<WheelMessage> context, int target, ActorRef<MoveDone> replyTo)
    {
        var next = _position + Math.Sign(target - _position);
        context.PipeToSelf(
            Task.Delay(50).ContinueWith(_ => next, TaskScheduler.Default),
            position => new Stepped(position, target, replyTo),
            _ => new Stepped(_position, target, replyTo));
    }
}
