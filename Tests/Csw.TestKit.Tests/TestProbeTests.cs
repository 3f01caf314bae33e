using System.Diagnostics;
using Csw.Actors;

namespace Csw.TestKit.Tests;

public sealed class TestProbeTests : ActorTestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    // Long enough for messages told just before to have arrived, on a loaded machine too, when a test
    // must wait the time out to see what the failure lists.
    private static readonly TimeSpan Arrival = TestTime.Scale(TimeSpan.FromMilliseconds(300));

    private abstract record Shape;

    private sealed record Circle(int Radius) : Shape;

    private sealed record Square(int Side) : Shape;

    [Fact]
    public async Task ExpectMessageAsync_MessageArrives_ReturnsIt()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(3);
        Assert.Equal(3, await probe.ExpectMessageAsync());
    }

    [Fact]
    public async Task ExpectMessageAsync_MessageArrivesLater_WaitsForIt()
    {
        var probe = CreateProbe<int>();
        var expecting = probe.ExpectMessageAsync();
        Assert.False(expecting.IsCompleted);
        probe.Ref.Tell(4);
        Assert.Equal(4, await expecting);
    }

    [Fact]
    public async Task ExpectMessageAsync_NothingArrives_ThrowsNamingWaitAndProbe()
    {
        var probe = CreateProbe<int>("quiet");
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMessageAsync(Short));
        Assert.Equal($"Expected a message within 50 ms, but nothing arrived at csw://{System.Name}/user/quiet.", e.Message);
    }

    [Fact]
    public async Task ExpectMessageAsync_Equal_ReturnsIt()
    {
        var probe = CreateProbe<string>();
        probe.Ref.Tell("hello");
        Assert.Equal("hello", await probe.ExpectMessageAsync("hello"));
    }

    [Fact]
    public async Task ExpectMessageAsync_NotEqual_ThrowsNamingBoth()
    {
        var probe = CreateProbe<Shape>();
        probe.Ref.Tell(new Circle(1));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMessageAsync(new Circle(2)));
        Assert.Equal("Expected Circle Circle { Radius = 2 } but received Circle Circle { Radius = 1 }.", e.Message);
    }

    [Fact]
    public async Task ExpectMessageAsync_EqualNothingArrives_ThrowsTimeout()
    {
        var probe = CreateProbe<int>();
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMessageAsync(1, Short));
        Assert.StartsWith("Expected a message within 50 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMessageAsync_Subtype_ReturnsTyped()
    {
        var probe = CreateProbe<Shape>();
        probe.Ref.Tell(new Square(2));
        Square square = await probe.ExpectMessageAsync<Square>();
        Assert.Equal(2, square.Side);
    }

    [Fact]
    public async Task ExpectMessageAsync_OtherSubtype_ThrowsNamingBoth()
    {
        var probe = CreateProbe<Shape>();
        probe.Ref.Tell(new Circle(1));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMessageAsync<Square>());
        Assert.Equal("Expected a Square but received Circle Circle { Radius = 1 }.", e.Message);
    }

    [Fact]
    public async Task ExpectMessageAsync_TerminatedArrivesInstead_ThrowsNamingIt()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }), "short-lived");
        probe.Watch(actor);
        System.Stop(actor);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectMessageAsync());
        Assert.Equal($"Expected a message of type Int32 but received Terminated({actor.Path}).", e.Message);
    }

    [Fact]
    public async Task ExpectNoMessageAsync_NothingArrives_Passes()
    {
        var probe = CreateProbe<int>();
        await probe.ExpectNoMessageAsync(Short);
        probe.Ref.Tell(1);
        await probe.ExpectMessageAsync(1);
    }

    [Fact]
    public async Task ExpectNoMessageAsync_Default_WatchesForScaledDefault()
    {
        var probe = CreateProbe<int>();
        var watch = Stopwatch.StartNew();
        await probe.ExpectNoMessageAsync();
        Assert.True(watch.Elapsed >= TestTime.DefaultNoMessageWait - TimeSpan.FromMilliseconds(16), $"took {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ExpectNoMessageAsync_MessageWaiting_ThrowsNamingIt()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(5);
        await TestWaits.AwaitAssertAsync(async () =>
        {
            var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectNoMessageAsync(Short));
            Assert.Equal("Expected no message but received Int32 5.", e.Message);
        });
    }

    [Fact]
    public async Task ExpectNoMessageAsync_MessageArrivesDuringWait_Throws()
    {
        var probe = CreateProbe<int>();
        var expecting = probe.ExpectNoMessageAsync(TimeSpan.FromSeconds(5));
        probe.Ref.Tell(6);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => expecting);
        Assert.Equal("Expected no message but received Int32 6.", e.Message);
    }

    [Fact]
    public async Task FishForMessageAsync_TargetAmongOthers_SkipsToIt()
    {
        var probe = CreateProbe<int>();
        foreach (var n in new[] { 1, 2, 30, 4 })
        {
            probe.Ref.Tell(n);
        }
        Assert.Equal(30, await probe.FishForMessageAsync(n => n > 10));
        Assert.Equal(4, await probe.ExpectMessageAsync());
    }

    [Fact]
    public async Task FishForMessageAsync_NoTarget_ThrowsListingSkipped()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(1);
        probe.Ref.Tell(2);
        await probe.FishForMessageAsync(n => n == 1);
        await probe.ExpectMessageAsync(2);
        probe.Ref.Tell(3);
        probe.Ref.Tell(4);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.FishForMessageAsync(n => n > 10, Arrival));
        Assert.StartsWith("Expected a matching message within", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Skipped 2: Int32 3, Int32 4.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_EnoughArrive_ReturnsThemInOrder()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(1);
        probe.Ref.Tell(2);
        probe.Ref.Tell(3);
        Assert.Equal([1, 2], await probe.ReceiveMessagesAsync(2));
        Assert.Equal(3, await probe.ExpectMessageAsync());
    }

    [Fact]
    public async Task ReceiveMessagesAsync_Zero_ReturnsEmpty() =>
        Assert.Empty(await CreateProbe<int>().ReceiveMessagesAsync(0, Short));

    [Fact]
    public async Task ReceiveMessagesAsync_TooFewArrive_ThrowsWithCount()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(1);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ReceiveMessagesAsync(3, Arrival));
        Assert.StartsWith("Expected message 2 of 3 within", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Received 1 of 3.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_ActorStops_ReturnsSignal()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }));
        System.Stop(actor);
        var terminated = await probe.ExpectTerminatedAsync(actor);
        Assert.Same(actor, terminated.Actor);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_ActorKeepsRunning_ThrowsNamingIt()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }), "immortal");
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectTerminatedAsync(actor, Short));
        Assert.StartsWith($"Expected Terminated({actor.Path}) within 50 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_MessageArrivesFirst_ThrowsNamingIt()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }));
        probe.Ref.Tell(9);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectTerminatedAsync(actor));
        Assert.Equal($"Expected Terminated({actor.Path}) but received Int32 9.", e.Message);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_OtherActorStops_ThrowsNamingIt()
    {
        var probe = CreateProbe<int>();
        var stopping = Spawn(Props.FromFunc<int>((_, _) => { }), "stopping");
        var staying = Spawn(Props.FromFunc<int>((_, _) => { }), "staying");
        probe.Watch(stopping);
        System.Stop(stopping);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.ExpectTerminatedAsync(staying));
        Assert.Equal($"Expected Terminated({staying.Path}) but received Terminated({stopping.Path}).", e.Message);
    }

    [Fact]
    public void Constructor_NullSystem_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new TestProbe<int>(null!));
}
