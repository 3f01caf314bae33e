using Csw.Actors.Tests.Support;
using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>Children through <see cref="IActorContext{T}"/>: spawning, naming, listing and stopping.</summary>
public sealed class ChildrenTests : ActorTestKit
{
    /// <summary>What a <see cref="Parent"/> is asked to do.</summary>
    private abstract record ParentCommand;

    private sealed record SpawnChild(string? Name, ActorRef<ActorRef<int>> ReplyTo) : ParentCommand;

    private sealed record ListChildren(ActorRef<IReadOnlyList<string>> ReplyTo) : ParentCommand;

    private sealed record StopActor(ActorRef Actor, ActorRef<string> ReplyTo) : ParentCommand;

    private sealed record Fail : ParentCommand;

    [Fact]
    public async Task Spawn_Named_ListedInChildren()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        var a = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("a", r));
        var b = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("b", r));
        Assert.Equal("a", a.Path.Name);
        Assert.Equal(parent.Path, b.Path.Parent);
        Assert.Equal(["a", "b"], (await parent.AskAsync<IReadOnlyList<string>>(r => new ListChildren(r))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Spawn_DuplicateName_FailsTheParentHandler()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref).WithSupervision(SupervisorStrategy.Resume));
        await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("twin", r));
        await Assert.ThrowsAsync<AskTimeoutException>(() => parent.AskAsync<ActorRef<int>>(r => new SpawnChild("twin", r), TimeSpan.FromMilliseconds(100)));
        Assert.Equal(["twin"], await parent.AskAsync<IReadOnlyList<string>>(r => new ListChildren(r)));
    }

    [Fact]
    public async Task Spawn_InvalidName_ThrowsInvalidActorName()
    {
        var errors = CreateProbe<string>();
        var parent = Spawn(Props.FromFunc<string>((ctx, name) =>
        {
            try
            {
                ctx.Spawn(Props.FromFunc<int>((_, _) => { }), name);
                errors.Ref.Tell("none");
            }
            catch (InvalidActorNameException e)
            {
                errors.Ref.Tell(e.GetType().Name);
            }
        }));
        parent.Tell("a/b");
        parent.Tell("$x");
        parent.Tell("");
        parent.Tell("fine");
        Assert.Equal(["InvalidActorNameException", "InvalidActorNameException", "InvalidActorNameException", "none"], await errors.ReceiveMessagesAsync(4));
    }

    [Fact]
    public async Task Stop_Parent_ChildrenPostStopBeforeParents()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref, grandchildren: true));
        await signals.ExpectMessageAsync("parent:PreStart");
        await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c1", r));
        await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c2", r));
        var started = await signals.ReceiveMessagesAsync(4);
        Assert.Equal(["c1/g:PreStart", "c1:PreStart", "c2/g:PreStart", "c2:PreStart"], started.Order(StringComparer.Ordinal));

        System.Stop(parent);

        var stopped = (await signals.ReceiveMessagesAsync(5)).ToList();
        Assert.Equal("parent:PostStop", stopped[^1]);
        Assert.True(stopped.IndexOf("c1/g:PostStop") < stopped.IndexOf("c1:PostStop"), string.Join(", ", stopped));
        Assert.True(stopped.IndexOf("c2/g:PostStop") < stopped.IndexOf("c2:PostStop"), string.Join(", ", stopped));
        await signals.ExpectTerminatedAsync(parent);
    }

    [Fact]
    public async Task Stop_Child_ChildStopsAndLeavesChildren()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        var child = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c", r));
        Assert.Equal("stopping", await parent.AskAsync<string>(r => new StopActor(child, r)));
        await signals.FishForMessageAsync(s => s == "c:PostStop");
        await signals.ExpectTerminatedAsync(child);
        await TestWaits.AwaitAssertAsync(async () => Assert.Empty(await parent.AskAsync<IReadOnlyList<string>>(r => new ListChildren(r))));
        await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c", r));
    }

    [Fact]
    public async Task Stop_Self_ActorStops()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        await parent.AskAsync<string>(r => new StopActor(parent, r));
        await signals.FishForMessageAsync(s => s == "parent:PostStop");
        await signals.ExpectTerminatedAsync(parent);
    }

    [Fact]
    public async Task Stop_NotAChild_ThrowsArgumentException()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        var stranger = Spawn(Props.FromFunc<int>((_, _) => { }));
        Assert.StartsWith("ArgumentException", await parent.AskAsync<string>(r => new StopActor(stranger, r)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_Grandchild_ThrowsArgumentException()
    {
        var signals = CreateProbe<string>();
        var grandparent = Spawn(ParentProps(signals.Ref));
        var parent = Spawn(ParentProps(signals.Ref, name: "inner"));
        var grandchild = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("g", r));
        Assert.StartsWith("ArgumentException", await grandparent.AskAsync<string>(r => new StopActor(grandchild, r)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_Parent_OldChildrenStoppedAndNamesFree()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        var child = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c", r));
        var watcher = CreateProbe<int>();
        watcher.Watch(child);
        parent.Tell(new Fail());
        await watcher.ExpectTerminatedAsync(child);
        var again = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c", r));
        Assert.NotEqual<ActorRef>(child, again);
        Assert.Equal(["c"], await parent.AskAsync<IReadOnlyList<string>>(r => new ListChildren(r)));
    }

    [Fact]
    public async Task ChildFailure_Restart_ParentUnaffected()
    {
        var signals = CreateProbe<string>();
        var parent = Spawn(ParentProps(signals.Ref));
        var child = await parent.AskAsync<ActorRef<int>>(r => new SpawnChild("c", r));
        child.Tell(-1);
        await signals.FishForMessageAsync(s => s == "c:PreRestart");
        Assert.Equal(["c"], await parent.AskAsync<IReadOnlyList<string>>(r => new ListChildren(r)));
    }

    private static Props<ParentCommand> ParentProps(ActorRef<string> signals, bool grandchildren = false, string name = "parent") =>
        Props.Create<ParentCommand>(() => new Parent(signals, grandchildren, name));

    private sealed class Parent(ActorRef<string> signals, bool grandchildren, string name) : IActor<ParentCommand>
    {
        public ValueTask ReceiveAsync(IActorContext<ParentCommand> context, ParentCommand message)
        {
            switch (message)
            {
                case SpawnChild spawn:
                    var childName = spawn.Name ?? "anonymous";
                    spawn.ReplyTo.Tell(context.Spawn(Props.Create<int>(() => new Child(signals, childName, grandchildren)), spawn.Name));
                    break;
                case ListChildren list:
                    list.ReplyTo.Tell([.. context.Children.Select(c => c.Path.Name)]);
                    break;
                case StopActor stop:
                    try
                    {
                        context.Stop(stop.Actor);
                        stop.ReplyTo.Tell("stopping");
                    }
                    catch (ArgumentException e)
                    {
                        stop.ReplyTo.Tell($"ArgumentException: {e.Message}");
                    }
                    break;
                case Fail:
                    throw new InvalidOperationException("parent fails");
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask OnSignalAsync(IActorContext<ParentCommand> context, Signal signal)
        {
            signals.Tell($"{name}:{signal.GetType().Name}");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Reports its signals; spawns one grandchild "g" at start if asked; fails on a negative message.</summary>
    private sealed class Child(ActorRef<string> signals, string name, bool withGrandchild) : IActor<int>
    {
        public ValueTask ReceiveAsync(IActorContext<int> context, int message) =>
            message < 0 ? throw new InvalidOperationException("child fails") : ValueTask.CompletedTask;

        public ValueTask OnSignalAsync(IActorContext<int> context, Signal signal)
        {
            if (signal is PreStart && withGrandchild)
            {
                context.Spawn(TestActors.Reporting<int>(signals, $"{name}/g"), "g");
            }
            signals.Tell($"{name}:{signal.GetType().Name}");
            return ValueTask.CompletedTask;
        }
    }
}
