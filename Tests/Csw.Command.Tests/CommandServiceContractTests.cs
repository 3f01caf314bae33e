using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests;

/// <summary>
/// What every <see cref="ICommandService"/> must do, whatever carries the commands: run by
/// <see cref="LocalCommandServiceTests"/> now and by the HTTP/WebSocket client later. Uses nothing
/// but <see cref="ICommandService"/>.
/// </summary>
public abstract class CommandServiceContractTests : ActorTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    /// <summary>Opens the <c>long</c> commands of the component.</summary>
    protected TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A command service for a running <see cref="ContractHcd"/> using <see cref="Release"/>.</summary>
    protected abstract Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null);

    private static Setup Command(string name) => new(Client, name);

    private static Setup Move(int position) => new Setup(Client, "move").Add(ContractHcd.Position.Set(position));

    [Fact]
    public async Task ValidateAsync_ValidAndInvalid_AcceptedAndInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Accepted>(await service.ValidateAsync(Command("complete")));
        Assert.IsType<Invalid>(await service.ValidateAsync(Command("invalid")));
    }

    [Fact]
    public async Task SubmitAsync_LongCommand_StartedThenQueryFinalCompletes()
    {
        var service = await StartComponentAsync();
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        Assert.Equal(started, await service.QueryAsync(started.RunId));
        var final = service.QueryFinalAsync(started.RunId);
        Release.SetResult();
        Assert.Equal(new Completed(started.RunId), await final);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_ImmediateAndLong_FinalResponses()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Completed>(await service.SubmitAndWaitAsync(Command("complete")));
        var waiting = service.SubmitAndWaitAsync(Command("long"));
        Release.SetResult();
        Assert.IsType<Completed>(await waiting);
        Assert.Equal("failed on purpose", Assert.IsType<Error>(await service.SubmitAndWaitAsync(Command("fail"))).Message);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_NeverFinishes_TimesOut()
    {
        var service = await StartComponentAsync();
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAndWaitAsync(Command("never"), TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_AllSucceed_AllResponsesInOrder()
    {
        var service = await StartComponentAsync();
        Release.SetResult();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("long"), Command("complete")]);
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.IsType<Completed>(r));
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_NegativeInTheMiddle_StopsThere()
    {
        var service = await StartComponentAsync();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("fail"), Command("complete")]);
        Assert.Equal(2, responses.Count);
        Assert.IsType<Error>(responses[1]);
    }

    [Fact]
    public async Task OnewayAsync_ValidAndInvalid_AcceptedAndInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Accepted>(await service.OnewayAsync(Command("complete")));
        Assert.IsType<Invalid>(await service.OnewayAsync(Command("invalid")));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_StateMatches_Completed()
    {
        var service = await StartComponentAsync();
        var demand = new DemandState(ContractHcd.Prefix, "position").Add(ContractHcd.Position.Set(4));
        Assert.IsType<Completed>(await service.OnewayAndMatchAsync(Move(4), new DemandMatcher(demand, withUnits: false, TimeSpan.FromSeconds(5))));
        Assert.IsType<Completed>(await service.OnewayAndMatchAsync(Move(5), new PresenceMatcher(ContractHcd.Prefix, "position", TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_UnitsDiffer_WithUnitsTimesOutAsError()
    {
        var service = await StartComponentAsync();
        var demand = new DemandState(ContractHcd.Prefix, "position").Add(ContractHcd.Position.Set(4));
        var error = Assert.IsType<Error>(await service.OnewayAndMatchAsync(Move(4), new DemandMatcher(demand, withUnits: true, TimeSpan.FromMilliseconds(200))));
        Assert.Contains("position", error.Message);
        Assert.IsType<Completed>(await service.OnewayAndMatchAsync(Move(4), new DemandMatcherAll(demand.Add(ContractHcd.Position.Set(4).WithUnits(Units.Meter)), TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_InvalidCommand_ReturnsInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Invalid>(await service.OnewayAndMatchAsync(Command("invalid"), new PresenceMatcher(ContractHcd.Prefix, "position", TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public async Task QueryAsync_UnknownRunId_ErrorNamingIt()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.QueryAsync(new Id("nobody-knows")));
        Assert.Contains("nobody-knows", error.Message);
        Assert.IsType<Error>(await service.QueryFinalAsync(new Id("nobody-knows")));
    }

    [Fact]
    public async Task SubscribeCurrentState_WithNames_ReceivesInOrder()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        var received = new List<int>();
        await using var states = service.SubscribeCurrentState([new StateName("position")], stop.Token).GetAsyncEnumerator(stop.Token);
        var next = states.MoveNextAsync();
        // The subscription is made asynchronously: move until the first state arrives, then three more.
        for (var position = 0; !next.IsCompleted; position++)
        {
            await service.OnewayAsync(Move(position), stop.Token);
            await Task.WhenAny(next.AsTask(), Task.Delay(20, stop.Token));
        }
        Assert.True(await next);
        var first = states.Current.Get(ContractHcd.Position).Head;
        await service.OnewayAsync(Move(100), stop.Token);
        await service.OnewayAsync(Move(101), stop.Token);
        while (received.Count < 2 || received[^1] != 101)
        {
            Assert.True(await states.MoveNextAsync());
            received.Add(states.Current.Get(ContractHcd.Position).Head);
        }
        Assert.True(received.IndexOf(100) < received.IndexOf(101));
        Assert.True(first < 100);
    }

    [Fact]
    public async Task SubscribeCurrentState_Callback_ReceivesUntilDisposed()
    {
        var service = await StartComponentAsync();
        var probe = CreateProbe<int>();
        var subscription = service.SubscribeCurrentState(state => probe.Ref.Tell(state.Get(ContractHcd.Position).Head));
        await TestWaits.AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(Move(1));
            Assert.Equal(1, await probe.ExpectMessageAsync(TimeSpan.FromMilliseconds(200)));
        });
        await subscription.DisposeAsync();
        await service.OnewayAsync(Move(2));
        // Late copies of state 1 from the retries above may still come; state 2 must not.
        await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.FishForMessageAsync(position => position == 2, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task QueryFinalAsync_Cancelled_Throws()
    {
        var service = await StartComponentAsync();
        var started = await service.SubmitAsync(Command("never"));
        using var cancel = new CancellationTokenSource();
        var waiting = service.QueryFinalAsync(started.RunId, cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Calls_DefaultFinalTimeout_IsFinite()
    {
        var service = await StartComponentAsync(new CommandServiceOptions { FinalTimeout = TimeSpan.FromMilliseconds(100) });
        var started = await service.SubmitAsync(Command("never"));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.QueryFinalAsync(started.RunId));
    }
}
