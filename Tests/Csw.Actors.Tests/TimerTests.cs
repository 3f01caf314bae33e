using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>Timers through <see cref="ITimerScheduler{T}"/>.</summary>
public sealed class TimerTests : ActorTestKit
{
    /// <summary>What the <see cref="TimerActor"/> handles: commands from the test, and the ticks its timers send.</summary>
    private abstract record TimerCommand;

    private sealed record StartSingle(string Key, string Tick, TimeSpan Delay) : TimerCommand;

    private sealed record StartPeriodic(string Key, string Tick, TimeSpan Interval) : TimerCommand;

    private sealed record CancelTimer(string Key) : TimerCommand;

    private sealed record CancelAllTimers : TimerCommand;

    private sealed record IsActive(string Key, ActorRef<bool> ReplyTo) : TimerCommand;

    private sealed record Tick(string Name) : TimerCommand;

    private sealed record Fail : TimerCommand;

    [Fact]
    public async Task StartSingleTimer_Fires_OnceAndThenInactive()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartSingle("k", "once", TimeSpan.FromMilliseconds(20)));
        await ticks.ExpectMessageAsync("once");
        Assert.False(await actor.AskAsync<bool>(r => new IsActive("k", r)));
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task StartPeriodicTimer_Fires_Repeatedly()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(10)));
        Assert.Equal(["tick", "tick", "tick"], await ticks.ReceiveMessagesAsync(3));
        Assert.True(await actor.AskAsync<bool>(r => new IsActive("k", r)));
    }

    [Fact]
    public async Task StartSingleTimer_SameKey_ReplacesOldTimer()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromMilliseconds(30)));
        actor.Tell(new StartSingle("k", "new", TimeSpan.FromMilliseconds(60)));
        await ticks.ExpectMessageAsync("new");
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task StartPeriodicTimer_SameKeyAsPeriodic_OnlyNewTicks()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartPeriodic("k", "old", TimeSpan.FromMilliseconds(5)));
        await ticks.ExpectMessageAsync("old");
        actor.Tell(new StartPeriodic("k", "new", TimeSpan.FromMilliseconds(5)));
        var after = await ticks.FishForMessageAsync(t => t == "new");
        Assert.Equal("new", after);
        Assert.Equal(["new", "new", "new", "new", "new"], await ticks.ReceiveMessagesAsync(5));
    }

    [Fact]
    public async Task Cancel_BeforeFiring_NothingArrives()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartSingle("k", "never", TimeSpan.FromMilliseconds(30)));
        actor.Tell(new CancelTimer("k"));
        Assert.False(await actor.AskAsync<bool>(r => new IsActive("k", r)));
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Cancel_InHandlerWhileTimerMayHaveFired_NoStaleTick()
    {
        // The handler blocks (simulating work) past the timer's delay, so the firing is already
        // queued when the cancel runs; it must still never arrive.
        var ticks = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>(async (ctx, message) =>
        {
            switch (message)
            {
                case "start-and-cancel":
                    ctx.Timers.StartSingleTimer("k", "stale", TimeSpan.FromMilliseconds(1));
                    await Task.Delay(30);
                    ctx.Timers.Cancel("k");
                    ticks.Ref.Tell("cancelled");
                    break;
                default:
                    ticks.Ref.Tell(message);
                    break;
            }
        }));
        for (var i = 0; i < 5; i++)
        {
            actor.Tell("start-and-cancel");
        }
        actor.Tell("done");
        Assert.Equal(["cancelled", "cancelled", "cancelled", "cancelled", "cancelled", "done"], await ticks.ReceiveMessagesAsync(6));
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Cancel_PeriodicInItsOwnTickHandler_NoFurtherTicks()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<string>(async (ctx, message) =>
        {
            if (message == "start")
            {
                ctx.Timers.StartPeriodicTimer("k", "tick", TimeSpan.FromMilliseconds(1));
                return;
            }
            ticks.Ref.Tell(message);
            // Let more firings queue up behind this one before cancelling.
            await Task.Delay(20);
            ctx.Timers.Cancel("k");
        }));
        actor.Tell("start");
        await ticks.ExpectMessageAsync("tick");
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CancelAll_SeveralTimers_NothingArrives()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartSingle("a", "a", TimeSpan.FromMilliseconds(30)));
        actor.Tell(new StartPeriodic("b", "b", TimeSpan.FromMilliseconds(30)));
        actor.Tell(new CancelAllTimers());
        Assert.False(await actor.AskAsync<bool>(r => new IsActive("a", r)));
        Assert.False(await actor.AskAsync<bool>(r => new IsActive("b", r)));
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Restart_PeriodicTimerRunning_NoOldTickReachesNewInstance()
    {
        var ticks = CreateProbe<string>();
        var instance = 0;
        var actor = Spawn(Props.Create<TimerCommand>(() => new TimerActor(ticks.Ref, Interlocked.Increment(ref instance))));
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(1)));
        await ticks.ExpectMessageAsync("tick@1");
        actor.Tell(new Fail());
        actor.Tell(new StartSingle("other", "fresh", TimeSpan.FromMilliseconds(1)));
        // Ticks the old instance handled before failing may still be on their way; nothing else may come first.
        string next;
        while ((next = await ticks.ExpectMessageAsync()) != "fresh@2")
        {
            Assert.Equal("tick@1", next);
        }
        await ticks.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Stop_PeriodicTimerRunning_NoDeadLetters()
    {
        var ticks = CreateProbe<string>();
        var actor = Spawn(TimerProps(ticks.Ref));
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(1)));
        await ticks.ExpectMessageAsync("tick");
        System.Stop(actor);
        var watcher = CreateProbe<int>();
        await watcher.ExpectTerminatedAsync(actor);
        await watcher.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, System.DeadLetterCount);
    }

    [Fact]
    public async Task StartPeriodicTimer_IntervalBelowOneMillisecond_Throws()
    {
        var errors = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<int>((ctx, _) =>
        {
            try
            {
                ctx.Timers.StartPeriodicTimer("k", 0, TimeSpan.Zero);
            }
            catch (ArgumentOutOfRangeException e)
            {
                errors.Ref.Tell(e.ParamName ?? "");
            }
            try
            {
                ctx.Timers.StartSingleTimer("k", 0, TimeSpan.FromMilliseconds(-1));
            }
            catch (ArgumentOutOfRangeException e)
            {
                errors.Ref.Tell(e.ParamName ?? "");
            }
        }));
        actor.Tell(0);
        Assert.Equal(["interval", "delay"], await errors.ReceiveMessagesAsync(2));
    }

    private static Props<TimerCommand> TimerProps(ActorRef<string> ticks) => Props.Create<TimerCommand>(() => new TimerActor(ticks, 0));

    /// <summary>Runs timers as told; reports ticks (with "@instance" when the instance number is not 0).</summary>
    private sealed class TimerActor(ActorRef<string> ticks, int instance) : IActor<TimerCommand>
    {
        public ValueTask ReceiveAsync(IActorContext<TimerCommand> context, TimerCommand message)
        {
            switch (message)
            {
                case StartSingle single:
                    context.Timers.StartSingleTimer(single.Key, new Tick(single.Tick), single.Delay);
                    break;
                case StartPeriodic periodic:
                    context.Timers.StartPeriodicTimer(periodic.Key, new Tick(periodic.Tick), periodic.Interval);
                    break;
                case CancelTimer cancel:
                    context.Timers.Cancel(cancel.Key);
                    break;
                case CancelAllTimers:
                    context.Timers.CancelAll();
                    break;
                case IsActive active:
                    active.ReplyTo.Tell(context.Timers.IsTimerActive(active.Key));
                    break;
                case Tick tick:
                    ticks.Tell(instance == 0 ? tick.Name : $"{tick.Name}@{instance}");
                    break;
                case Fail:
                    throw new InvalidOperationException("restart");
            }
            return ValueTask.CompletedTask;
        }
    }
}
