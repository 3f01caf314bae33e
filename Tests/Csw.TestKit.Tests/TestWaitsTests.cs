using Csw.Actors;

namespace Csw.TestKit.Tests;

public sealed class TestWaitsTests : ActorTestKit
{
    private sealed record Work(TimeSpan Duration, ActorRef<bool> ReplyTo);

    [Fact]
    public async Task AwaitAssertAsync_BecomesTrue_Passes()
    {
        var count = 0;
        var counter = Spawn(Props.FromFunc<int>((_, _) => Interlocked.Increment(ref count)));
        for (var i = 0; i < 100; i++)
        {
            counter.Tell(i);
        }
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(100, Volatile.Read(ref count)));
    }

    [Fact]
    public async Task AwaitAssertAsync_AsyncAssertionBecomesTrue_Passes()
    {
        var tries = 0;
        await TestWaits.AwaitAssertAsync(async () =>
        {
            await Task.Yield();
            Assert.True(++tries >= 3);
        });
        Assert.Equal(3, tries);
    }

    [Fact]
    public async Task AwaitAssertAsync_NeverTrue_ThrowsWithLastFailure()
    {
        var tries = 0;
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => TestWaits.AwaitAssertAsync(
            () => throw new InvalidOperationException($"try {++tries}"),
            TimeSpan.FromMilliseconds(50)));
        Assert.True(tries > 1, $"tried {tries} times");
        var last = Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal($"try {tries}", last.Message);
        Assert.Contains("50 ms", e.Message, StringComparison.Ordinal);
        Assert.Contains($"try {tries}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_FastBlock_Passes()
    {
        var ran = false;
        await TestWaits.WithinAsync(TimeSpan.FromSeconds(1), () =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        Assert.True(ran);
    }

    [Fact]
    public async Task WithinAsync_SlowBlock_ThrowsWithLimitAndDuration()
    {
        var limit = TimeSpan.FromMilliseconds(20);
        var worker = Spawn(Props.FromFunc<Work>(async (_, w) =>
        {
            await Task.Delay(w.Duration);
            w.ReplyTo.Tell(true);
        }));
        var work = TestTime.Scale(limit) + TimeSpan.FromMilliseconds(80);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => TestWaits.WithinAsync(limit, () => worker.AskAsync<bool>(r => new Work(work, r))));
        Assert.StartsWith($"Expected the block to finish within {TestTime.Scale(limit).TotalMilliseconds:0} ms but it took ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_BlockThrows_PropagatesIt() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestWaits.WithinAsync(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException()));
}
