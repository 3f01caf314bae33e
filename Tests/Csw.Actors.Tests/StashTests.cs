using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>The stash through <see cref="IStash{T}"/>.</summary>
public sealed class StashTests : ActorTestKit
{
    [Fact]
    public async Task UnstashAll_AfterStashing_MessagesComeBackInOrderAheadOfMailbox()
    {
        var seen = CreateProbe<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Spawn(Props.Create<string>(() => new Initializing(seen.Ref, gate.Task)));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("open");
        actor.Tell("c");
        await seen.ExpectMessageAsync("stashed 2");
        actor.Tell("d");
        gate.SetResult();
        Assert.Equal(["open", "a", "b", "c", "d"], await seen.ReceiveMessagesAsync(5));
    }

    [Fact]
    public async Task Stash_Full_ThrowsStashOverflow()
    {
        var seen = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>((ctx, m) =>
        {
            try
            {
                ctx.Stash.Stash(m);
                seen.Ref.Tell($"stashed {ctx.Stash.Count}/{ctx.Stash.Capacity}");
            }
            catch (StashOverflowException e)
            {
                seen.Ref.Tell(e.Message);
            }
        }).WithStashCapacity(2));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");
        Assert.Equal(["stashed 1/2", "stashed 2/2"], await seen.ReceiveMessagesAsync(2));
        var overflow = await seen.ExpectMessageAsync();
        Assert.Contains(actor.Path.ToString(), overflow, StringComparison.Ordinal);
        Assert.Contains("2", overflow, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStashCapacity_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Props.FromFunc<int>((_, _) => { }).WithStashCapacity(-1));

    [Fact]
    public async Task Restart_WithStashedMessages_NewInstanceGetsThem()
    {
        var seen = CreateProbe<string>();
        var instance = 0;
        var actor = Spawn(Props.Create<string>(() => new StashUntilFail(seen.Ref, Interlocked.Increment(ref instance))));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("fail");
        actor.Tell("c");
        Assert.Equal(["a@2", "b@2", "c@2"], await seen.ReceiveMessagesAsync(3));
    }

    [Fact]
    public async Task Stop_WithStashedMessages_BecomeDeadLetters()
    {
        var seen = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>((ctx, m) =>
        {
            if (m == "stop")
            {
                ctx.Stop(ctx.Self);
            }
            else
            {
                ctx.Stash.Stash(m);
            }
        }));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("stop");
        await seen.ExpectTerminatedAsync(actor);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2, System.DeadLetterCount));
    }

    /// <summary>Stashes everything until "open", whose handler waits for a gate and then unstashes.</summary>
    private sealed class Initializing(ActorRef<string> seen, Task gate) : IActor<string>
    {
        private bool _open;

        public async ValueTask ReceiveAsync(IActorContext<string> context, string message)
        {
            if (_open)
            {
                seen.Tell(message);
            }
            else if (message == "open")
            {
                seen.Tell($"stashed {context.Stash.Count}");
                await gate;
                _open = true;
                seen.Tell(message);
                context.Stash.UnstashAll();
            }
            else
            {
                context.Stash.Stash(message);
            }
        }
    }

    /// <summary>The first instance stashes everything and fails on "fail"; later ones report what they get.</summary>
    private sealed class StashUntilFail(ActorRef<string> seen, int instance) : IActor<string>
    {
        public ValueTask ReceiveAsync(IActorContext<string> context, string message)
        {
            if (instance > 1)
            {
                seen.Tell($"{message}@{instance}");
            }
            else if (message == "fail")
            {
                throw new InvalidOperationException("restart");
            }
            else
            {
                context.Stash.Stash(message);
            }
            return ValueTask.CompletedTask;
        }
    }
}
