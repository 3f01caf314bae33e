using Csw.Tests.Shared;
using Csw.Actors.Tests.Support;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Actors.Tests;

public sealed class ActorSystemTests : ActorTestKit
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("dot.ted")]
    public void Create_InvalidName_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => ActorSystem.Create(name));

    [Fact]
    public void Create_ZeroThroughput_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("s", new ActorSystemOptions { Throughput = 0 }));

    [Fact]
    public async Task Create_ValidName_HasNameAndDefaults()
    {
        await using var system = ActorSystem.Create("demo-1_x");
        Assert.Equal("demo-1_x", system.Name);
        Assert.Same(ActorSystemOptions.Default, system.Options);
        Assert.Equal(0, system.DeadLetterCount);
        Assert.Empty(system.TopLevelActors);
    }

    [Fact]
    public async Task Spawn_Named_IsListedAndHasReadablePath()
    {
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }), "worker");
        Assert.Equal($"csw://{System.Name}/user/worker", actor.Path.ToString());
        Assert.Equal("worker", actor.Path.Name);
        Assert.Equal(System.Name, actor.Path.SystemName);
        Assert.Equal(actor.Path.ToString(), actor.ToString());
        Assert.Contains(actor, System.TopLevelActors);
        await Task.CompletedTask;
    }

    [Fact]
    public void Spawn_Unnamed_GetsDistinctGeneratedNames()
    {
        var a = Spawn(Props.FromFunc<int>((_, _) => { }));
        var b = Spawn(Props.FromFunc<int>((_, _) => { }));
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a b")]
    [InlineData("tab\t")]
    public void Spawn_InvalidName_ThrowsInvalidActorName(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Spawn(Props.FromFunc<int>((_, _) => { }), name));

    [Fact]
    public void Spawn_DuplicateName_ThrowsInvalidActorName()
    {
        Spawn(Props.FromFunc<int>((_, _) => { }), "twin");
        var e = Assert.Throws<InvalidActorNameException>(() => Spawn(Props.FromFunc<int>((_, _) => { }), "twin"));
        Assert.Contains("twin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spawn_NameOfStoppedActor_CanBeReused()
    {
        var probe = CreateProbe<int>();
        var first = Spawn(Props.FromFunc<int>((_, _) => { }), "again");
        System.Stop(first);
        await probe.ExpectTerminatedAsync(first);
        await TestWaits.AwaitAssertAsync(() => Assert.DoesNotContain(first, System.TopLevelActors));
        var second = Spawn(Props.FromFunc<int>((_, n) => probe.Ref.Tell(n)), "again");
        second.Tell(7);
        await probe.ExpectMessageAsync(7);
    }

    [Fact]
    public async Task Stop_TopLevelActor_PostStopRunsAndActorLeavesList()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(TestActors.Reporting<int>(signals.Ref, "a"));
        await signals.ExpectMessageAsync("a:PreStart");
        System.Stop(actor);
        await signals.ExpectMessageAsync("a:PostStop");
        await TestWaits.AwaitAssertAsync(() => Assert.DoesNotContain(actor, System.TopLevelActors));
    }

    [Fact]
    public async Task Stop_ActorOfAnotherSystem_ThrowsArgumentException()
    {
        await using var other = ActorSystem.Create("other");
        var foreign = other.Spawn(Props.FromFunc<int>((_, _) => { }), "foreign");
        Assert.Throws<ArgumentException>(() => System.Stop(foreign));
    }

    [Fact]
    public async Task Stop_Child_ThrowsArgumentException()
    {
        var children = CreateProbe<ActorRef<int>>();
        Spawn(Props.FromFunc<int>((ctx, _) => children.Ref.Tell(ctx.Spawn(Props.FromFunc<int>((_, _) => { }), "child")))).Tell(0);
        var child = await children.ExpectMessageAsync();
        Assert.Throws<ArgumentException>(() => System.Stop(child));
    }

    [Fact]
    public async Task TerminateAsync_ActorsIdle_StopsAllAndReturnsTrue()
    {
        var signals = CreateProbe<string>();
        await using var system = ActorSystem.Create("terminating");
        system.Spawn(TestActors.Reporting<int>(signals.Ref, "a"), "a");
        system.Spawn(TestActors.Reporting<int>(signals.Ref, "b"), "b");
        Assert.True(await system.TerminateAsync());
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Empty(system.TopLevelActors);
        var seen = await signals.ReceiveMessagesAsync(4);
        Assert.Equal(["a:PostStop", "a:PreStart", "b:PostStop", "b:PreStart"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TerminateAsync_CalledTwice_ReturnsSameTask()
    {
        var system = ActorSystem.Create("twice");
        var first = system.TerminateAsync();
        Assert.Same(first, system.TerminateAsync());
        Assert.True(await first);
    }

    [Fact]
    public async Task TerminateAsync_ActorStuckInHandler_ReturnsFalseAndLogsIt()
    {
        var logs = new CapturingLoggerFactory();
        var system = ActorSystem.Create("stuck", new ActorSystemOptions { LoggerFactory = logs });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = system.Spawn(Props.FromFunc<int>(async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
        }), "sleeper");
        stuck.Tell(1);
        await entered.Task;

        Assert.False(await system.TerminateAsync(TimeSpan.FromMilliseconds(100)));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("csw://stuck/user/sleeper", warning.Message, StringComparison.Ordinal);
        release.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Empty(system.TopLevelActors));
    }

    [Fact]
    public async Task Spawn_AfterTerminate_ThrowsInvalidOperation()
    {
        var system = ActorSystem.Create("closed");
        await system.TerminateAsync();
        Assert.Throws<InvalidOperationException>(() => system.Spawn(Props.FromFunc<int>((_, _) => { })));
    }

    [Fact]
    public async Task Tell_AfterTerminate_BecomesDeadLetter()
    {
        var system = ActorSystem.Create("after");
        var actor = system.Spawn(Props.FromFunc<int>((_, _) => { }));
        await system.TerminateAsync();
        actor.Tell(1);
        Assert.Equal(1, system.DeadLetterCount);
    }

    [Fact]
    public async Task DisposeAsync_RunningSystem_Terminates()
    {
        var system = ActorSystem.Create("disposed");
        await using (system)
        {
            system.Spawn(Props.FromFunc<int>((_, _) => { }));
        }
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Empty(system.TopLevelActors);
    }
}
