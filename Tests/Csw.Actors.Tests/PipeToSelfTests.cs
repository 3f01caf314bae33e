using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class PipeToSelfTests : ActorTestKit
{
    [Fact]
    public async Task PipeToSelf_TaskSucceeds_ResultArrivesAsMessage()
    {
        var seen = CreateProbe<string>();
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Spawn(Props.FromFunc<string>((ctx, m) =>
        {
            if (m == "start")
            {
                ctx.PipeToSelf(work.Task, n => $"result {n}", e => $"failure {e.Message}");
            }
            seen.Ref.Tell(m);
        }));
        actor.Tell("start");
        actor.Tell("meanwhile");
        Assert.Equal(["start", "meanwhile"], await seen.ReceiveMessagesAsync(2));
        work.SetResult(7);
        await seen.ExpectMessageAsync("result 7");
    }

    [Fact]
    public async Task PipeToSelf_TaskFails_FailureArrivesAsMessage()
    {
        var seen = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>((ctx, m) =>
        {
            if (m == "start")
            {
                ctx.PipeToSelf(Task.FromException<int>(new InvalidOperationException("broken")), n => $"result {n}", e => $"failure {e.Message}");
            }
            else
            {
                seen.Ref.Tell(m);
            }
        }));
        actor.Tell("start");
        await seen.ExpectMessageAsync("failure broken");
    }

    [Fact]
    public async Task PipeToSelf_TaskCancelled_FailureArrivesAsMessage()
    {
        var seen = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>((ctx, m) =>
        {
            if (m == "start")
            {
                ctx.PipeToSelf(Task.FromCanceled<int>(new CancellationToken(true)), n => $"result {n}", e => e.GetType().Name);
            }
            else
            {
                seen.Ref.Tell(m);
            }
        }));
        actor.Tell("start");
        await seen.ExpectMessageAsync(nameof(TaskCanceledException));
    }

    [Fact]
    public async Task PipeToSelf_ActorStoppedMeanwhile_ResultIsDeadLetter()
    {
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>((ctx, _) => ctx.PipeToSelf(work.Task, n => $"{n}", e => e.Message)));
        actor.Tell("start");
        System.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
        work.SetResult(1);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, System.DeadLetterCount));
    }
}
