using System.Globalization;
using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>How an actor's handlers run: one at a time, async handlers included, signals in their place.</summary>
public sealed class ActorTests : ActorTestKit
{
    [Fact]
    public async Task ReceiveAsync_AsyncHandlerAwaiting_NextMessageWaitsUntilTaskCompletes()
    {
        var gates = new[] { NewGate(), NewGate(), NewGate() };
        var entered = CreateProbe<int>();
        var running = 0;
        var maxRunning = 0;
        var actor = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            entered.Ref.Tell(n);
            await gates[n].Task;
            Interlocked.Decrement(ref running);
        }));
        actor.Tell(0);
        actor.Tell(1);
        actor.Tell(2);

        await entered.ExpectMessageAsync(0);
        await entered.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
        gates[0].SetResult();
        await entered.ExpectMessageAsync(1);
        await entered.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        gates[1].SetResult();
        await entered.ExpectMessageAsync(2);
        gates[2].SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, Volatile.Read(ref running)));
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task ReceiveAsync_ManyAsyncMessages_NeverRunConcurrently()
    {
        var running = 0;
        var overlaps = 0;
        var done = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            if (Interlocked.Increment(ref running) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            await Task.Yield();
            if (n % 7 == 0)
            {
                await Task.Delay(1);
            }
            Interlocked.Decrement(ref running);
            done.Ref.Tell(n);
        }));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                actor.Tell((t * 250) + i);
            }
        })));
        var handled = await done.ReceiveMessagesAsync(1000);
        Assert.Equal(Enumerable.Range(0, 1000), handled.Order());
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task ReceiveAsync_SyncHandlers_OneAtATimeAcrossThreads()
    {
        var running = 0;
        var overlaps = 0;
        var count = 0;
        var actor = Spawn(Props.FromFunc<int>((_, _) =>
        {
            if (Interlocked.Increment(ref running) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            count++;
            Interlocked.Decrement(ref running);
        }));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                actor.Tell(i);
            }
        })));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(40_000, Volatile.Read(ref count)));
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task OnSignalAsync_AsyncPreStart_MessagesWaitUntilItCompletes()
    {
        var gate = NewGate();
        var seen = CreateProbe<string>();
        var actor = Spawn(Props.Create<int>(() => new SlowStart(gate.Task, seen.Ref)));
        actor.Tell(1);
        await seen.ExpectMessageAsync("PreStart begun");
        await seen.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
        gate.SetResult();
        await seen.ExpectMessageAsync("PreStart done");
        await seen.ExpectMessageAsync("1");
    }

    [Fact]
    public async Task Stop_WhileHandlerAwaits_StopsAfterHandlerAndLaterMessagesAreDeadLetters()
    {
        var gate = NewGate();
        var entered = CreateProbe<int>();
        var waiter = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            entered.Ref.Tell(n);
            await gate.Task;
        }));
        waiter.Tell(0);
        await entered.ExpectMessageAsync(0);
        System.Stop(waiter);
        waiter.Tell(1);
        await entered.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Assert.Contains(waiter, System.TopLevelActors);
        gate.SetResult();
        await entered.ExpectTerminatedAsync(waiter);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, System.DeadLetterCount));
    }

    [Fact]
    public async Task Stop_QueuedBehindUserMessages_HandledFirst()
    {
        var gate = NewGate();
        var handled = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            handled.Ref.Tell(n);
            if (n == 0)
            {
                await gate.Task;
            }
        }));
        actor.Tell(0);
        await handled.ExpectMessageAsync(0);
        actor.Tell(1);
        actor.Tell(2);
        System.Stop(actor);
        gate.SetResult();
        await handled.ExpectTerminatedAsync(actor);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2, System.DeadLetterCount));
    }

    [Fact]
    public async Task Watch_QueuedBehindUserMessages_TerminatedArrivesBeforeThem()
    {
        var gate = NewGate();
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        var watcher = Spawn(Props.Create<ActorRef>(() => new GatedWatcher(gate.Task, seen.Ref)));
        watcher.Tell(target);
        await seen.ExpectMessageAsync("watching");
        watcher.Tell(target);
        System.Stop(target);
        await TestWaits.AwaitAssertAsync(() => Assert.DoesNotContain(target, System.TopLevelActors));
        gate.SetResult();
        Assert.Equal("Terminated", await seen.ExpectMessageAsync());
        Assert.Equal("watching", await seen.ExpectMessageAsync());
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class SlowStart(Task gate, ActorRef<string> seen) : IActor<int>
    {
        public ValueTask ReceiveAsync(IActorContext<int> context, int message)
        {
            seen.Tell(message.ToString(CultureInfo.InvariantCulture));
            return ValueTask.CompletedTask;
        }

        public async ValueTask OnSignalAsync(IActorContext<int> context, Signal signal)
        {
            if (signal is PreStart)
            {
                seen.Tell("PreStart begun");
                await gate;
                seen.Tell("PreStart done");
            }
        }
    }

    /// <summary>Watches what it is told; holds its first message until the gate opens, so later mail queues up.</summary>
    private sealed class GatedWatcher(Task gate, ActorRef<string> seen) : IActor<ActorRef>
    {
        private bool _first = true;

        public async ValueTask ReceiveAsync(IActorContext<ActorRef> context, ActorRef message)
        {
            context.Watch(message);
            seen.Tell("watching");
            if (_first)
            {
                _first = false;
                await gate;
            }
        }

        public ValueTask OnSignalAsync(IActorContext<ActorRef> context, Signal signal)
        {
            if (signal is Terminated)
            {
                seen.Tell("Terminated");
            }
            return ValueTask.CompletedTask;
        }
    }
}
