using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>Watch, WatchWith and Unwatch through <see cref="IActorContext{T}"/>.</summary>
public sealed class DeathWatchTests : ActorTestKit
{
    /// <summary>What a <see cref="Watcher"/> is asked to do; each is confirmed with "ok".</summary>
    private abstract record WatcherCommand;

    private sealed record WatchIt(ActorRef Actor, ActorRef<string> ReplyTo) : WatcherCommand;

    private sealed record WatchItWith(ActorRef Actor, string Note, ActorRef<string> ReplyTo) : WatcherCommand;

    private sealed record UnwatchIt(ActorRef Actor, ActorRef<string> ReplyTo) : WatcherCommand;

    private sealed record Noted(string Note) : WatcherCommand;

    [Fact]
    public async Task Watch_ActorStops_TerminatedSignalNamesIt()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }), "target");
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        System.Stop(target);
        Assert.Equal($"Terminated {target.Path}", await seen.ExpectMessageAsync());
    }

    [Fact]
    public async Task Watch_AlreadyStopped_TerminatedAtOnce()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        System.Stop(target);
        await seen.ExpectTerminatedAsync(target);
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        Assert.Equal($"Terminated {target.Path}", await seen.ExpectMessageAsync());
    }

    [Fact]
    public async Task WatchWith_ActorStops_CustomMessageArrives()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchItWith(target, "gone", r));
        System.Stop(target);
        Assert.Equal("noted gone", await seen.ExpectMessageAsync());
        await seen.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task WatchWith_AlreadyStopped_CustomMessageAtOnce()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        System.Stop(target);
        await seen.ExpectTerminatedAsync(target);
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchItWith(target, "was gone", r));
        Assert.Equal("noted was gone", await seen.ExpectMessageAsync());
    }

    [Fact]
    public async Task Unwatch_ThenActorStops_NoNotification()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        await watcher.AskAsync<string>(r => new WatchItWith(target, "replaced", r));
        await watcher.AskAsync<string>(r => new UnwatchIt(target, r));
        System.Stop(target);
        await seen.ExpectTerminatedAsync(target);
        await seen.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Watch_ManyWatchers_EachTold()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }), "popular");
        for (var i = 0; i < 5; i++)
        {
            var watcher = Spawn(WatcherProps(seen.Ref));
            await watcher.AskAsync<string>(r => new WatchIt(target, r));
        }
        System.Stop(target);
        Assert.All(await seen.ReceiveMessagesAsync(5), m => Assert.Equal($"Terminated {target.Path}", m));
    }

    [Fact]
    public async Task Watch_ActorRestarts_NoTerminated()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => throw new InvalidOperationException("restart me")));
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        target.Tell(1);
        await seen.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
        System.Stop(target);
        Assert.Equal($"Terminated {target.Path}", await seen.ExpectMessageAsync());
    }

    [Fact]
    public async Task Watch_WatcherStopsFirst_TargetForgetsIt()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }));
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        System.Stop(watcher);
        await seen.ExpectTerminatedAsync(watcher);
        System.Stop(target);
        await seen.ExpectTerminatedAsync(target);
        Assert.Equal(0, System.DeadLetterCount);
    }

    [Fact]
    public async Task Watch_MessageAdapter_TerminatedWhenItsActorStops()
    {
        var seen = CreateProbe<string>();
        var adapters = CreateProbe<ActorRef<int>>();
        var target = Spawn(Props.FromFunc<string>((ctx, _) => adapters.Ref.Tell(ctx.MessageAdapter<int>(n => $"{n}"))), "adapted");
        target.Tell("adapter please");
        var adapter = await adapters.ExpectMessageAsync();
        var watcher = Spawn(WatcherProps(seen.Ref));
        await watcher.AskAsync<string>(r => new WatchIt(adapter, r));
        System.Stop(target);
        Assert.StartsWith("Terminated ", await seen.ExpectMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WatchedStopsDuringRestartBackoff_NewInstanceGetsTerminated()
    {
        var seen = CreateProbe<string>();
        var target = Spawn(Props.FromFunc<int>((_, _) => { }), "target");
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200), randomFactor: 0);
        var watcher = Spawn(WatcherProps(seen.Ref).WithSupervision(SupervisorStrategy.Restart(3, TimeSpan.FromMinutes(1), backoff)));
        await watcher.AskAsync<string>(r => new WatchIt(target, r));
        watcher.Tell(new Noted("fail"));
        await seen.ExpectMessageAsync("noted fail");
        System.Stop(target);
        await seen.ExpectTerminatedAsync(target);
        Assert.Equal($"Terminated {target.Path}", await seen.ExpectMessageAsync());
    }

    private static Props<WatcherCommand> WatcherProps(ActorRef<string> seen) => Props.Create<WatcherCommand>(() => new Watcher(seen));

    private sealed class Watcher(ActorRef<string> seen) : IActor<WatcherCommand>
    {
        public ValueTask ReceiveAsync(IActorContext<WatcherCommand> context, WatcherCommand message)
        {
            switch (message)
            {
                case WatchIt watch:
                    context.Watch(watch.Actor);
                    watch.ReplyTo.Tell("ok");
                    break;
                case WatchItWith watch:
                    context.WatchWith(watch.Actor, new Noted(watch.Note));
                    watch.ReplyTo.Tell("ok");
                    break;
                case UnwatchIt unwatch:
                    context.Unwatch(unwatch.Actor);
                    unwatch.ReplyTo.Tell("ok");
                    break;
                case Noted noted:
                    seen.Tell($"noted {noted.Note}");
                    if (noted.Note == "fail")
                    {
                        throw new InvalidOperationException("told to fail");
                    }
                    break;
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask OnSignalAsync(IActorContext<WatcherCommand> context, Signal signal)
        {
            if (signal is Terminated terminated)
            {
                seen.Tell($"Terminated {terminated.Actor.Path}");
            }
            return ValueTask.CompletedTask;
        }
    }
}
