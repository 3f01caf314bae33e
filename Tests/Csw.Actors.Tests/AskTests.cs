using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class AskTests : ActorTestKit
{
    private sealed record Request(int N, ActorRef<int> ReplyTo);

    private sealed record Silent(ActorRef<int> ReplyTo);

    [Fact]
    public async Task AskAsync_ActorReplies_ReturnsReply()
    {
        var doubler = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N * 2)));
        Assert.Equal(42, await doubler.AskAsync<int>(r => new Request(21, r)));
    }

    [Fact]
    public async Task AskAsync_ManyConcurrent_EachGetsItsOwnReply()
    {
        var doubler = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N * 2)));
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => doubler.AskAsync<int>(r => new Request(i, r))));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), replies);
    }

    [Fact]
    public async Task AskAsync_NoReply_TimeoutNamesTargetAndRequestType()
    {
        var silent = Spawn(Props.FromFunc<Silent>((_, _) => { }), "mute");
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.AskAsync<int>(r => new Silent(r), TimeSpan.FromMilliseconds(50)));
        Assert.Contains($"csw://{System.Name}/user/mute", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Silent), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_NoTimeoutGiven_UsesFiniteSystemDefault()
    {
        await using var system = ActorSystem.Create("asks", new ActorSystemOptions { AskTimeout = TimeSpan.FromMilliseconds(50) });
        var silent = system.Spawn(Props.FromFunc<Silent>((_, _) => { }));
        await Assert.ThrowsAsync<AskTimeoutException>(() => silent.AskAsync<int>(r => new Silent(r)));
    }

    [Fact]
    public void Options_Default_AskTimeoutIsFinite()
    {
        Assert.True(ActorSystemOptions.Default.AskTimeout > TimeSpan.Zero);
        Assert.NotEqual(Timeout.InfiniteTimeSpan, ActorSystemOptions.Default.AskTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AskAsync_NonPositiveTimeout_Throws(int milliseconds)
    {
        var silent = Spawn(Props.FromFunc<Silent>((_, _) => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = silent.AskAsync<int>(r => new Silent(r), TimeSpan.FromMilliseconds(milliseconds)); });
    }

    [Fact]
    public async Task AskAsync_Cancelled_ThrowsOperationCanceled()
    {
        var silent = Spawn(Props.FromFunc<Silent>((_, _) => { }));
        using var cancel = new CancellationTokenSource();
        var asked = silent.AskAsync<int>(r => new Silent(r), TimeSpan.FromMinutes(1), cancel.Token);
        Assert.False(asked.IsCompleted);
        await cancel.CancelAsync();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asked);
        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Fact]
    public async Task AskAsync_AlreadyCancelledToken_ThrowsOperationCanceled()
    {
        var echo = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => echo.AskAsync<int>(r => new Request(1, r), cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public async Task AskAsync_SecondReply_BecomesDeadLetter()
    {
        var twice = Spawn(Props.FromFunc<Request>((_, r) =>
        {
            r.ReplyTo.Tell(1);
            r.ReplyTo.Tell(2);
        }));
        Assert.Equal(1, await twice.AskAsync<int>(r => new Request(0, r)));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, System.DeadLetterCount));
    }

    [Fact]
    public async Task AskAsync_ReplyAfterTimeout_BecomesDeadLetter()
    {
        ActorRef<int>? late = null;
        var slow = Spawn(Props.FromFunc<Request>((_, r) => late = r.ReplyTo));
        await Assert.ThrowsAsync<AskTimeoutException>(() => slow.AskAsync<int>(r => new Request(0, r), TimeSpan.FromMilliseconds(20)));
        late!.Tell(5);
        Assert.Equal(1, System.DeadLetterCount);
    }

    [Fact]
    public async Task AskAsync_RequestFactoryThrows_TaskFaultsWithIt()
    {
        var echo = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N)));
        var asked = echo.AskAsync<int>(_ => throw new InvalidOperationException("no request"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => asked);
        Assert.Equal("no request", e.Message);
    }

    [Fact]
    public async Task AskAsync_ToStoppedActor_TimesOutAndCountsDeadLetter()
    {
        var probe = CreateProbe<int>();
        var gone = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N)));
        System.Stop(gone);
        await probe.ExpectTerminatedAsync(gone);
        await Assert.ThrowsAsync<AskTimeoutException>(() => gone.AskAsync<int>(r => new Request(1, r), TimeSpan.FromMilliseconds(20)));
        Assert.Equal(1, System.DeadLetterCount);
    }

    [Fact]
    public async Task AskAsync_ReplyAddress_HasPathUnderTarget()
    {
        var paths = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<Request>((_, r) =>
        {
            paths.Ref.Tell(r.ReplyTo.Path.ToString());
            r.ReplyTo.Tell(0);
        }), "target");
        await actor.AskAsync<int>(r => new Request(0, r));
        Assert.StartsWith($"csw://{System.Name}/user/target/", await paths.ExpectMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_FailSenderMailboxFull_FailsAtOnceWithMailboxFull()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = Spawn(Props.FromFunc<Request>(async (_, r) =>
        {
            entered.TrySetResult();
            await gate.Task;
            r.ReplyTo.Tell(r.N);
        }).WithMailbox(MailboxOptions.Bounded(1, MailboxOverflowPolicy.FailSender)));
        var first = busy.AskAsync<int>(r => new Request(1, r));
        await entered.Task;
        var second = busy.AskAsync<int>(r => new Request(2, r));
        var refused = busy.AskAsync<int>(r => new Request(3, r));
        Assert.True(refused.IsFaulted, "the refused ask should fail at once, not wait out its timeout");
        await Assert.ThrowsAsync<MailboxFullException>(() => refused);
        gate.SetResult();
        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
    }
}
