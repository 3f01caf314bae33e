using Csw.Actors;

namespace Bench.Kernel;

/// <summary>Answers every ball by sending it back to the partner, until its quota is used up.</summary>
internal sealed class PingPongActor(PingPongRound round) : IActor<Ball>
{
    public ValueTask ReceiveAsync(IActorContext<Ball> context, Ball ball)
    {
        if (ball.Hits-- > 0)
        {
            ball.Partner(context.Self).Tell(ball);
        }
        else
        {
            round.BallDone();
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A message bounced between two actors; it knows both ends and counts down its hits.</summary>
internal sealed class Ball(ActorRef<Ball> a, ActorRef<Ball> b, int hits)
{
    public int Hits = hits;

    public ActorRef<Ball> Partner(ActorRef<Ball> self) => ReferenceEquals(self, a) ? b : a;
}

/// <summary>Counts finished balls and completes when all are done.</summary>
internal sealed class PingPongRound(int balls)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = balls;

    public Task Done => _done.Task;

    public void BallDone()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _done.TrySetResult();
        }
    }
}
