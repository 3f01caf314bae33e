using Akka.Actor;
using Csw.Params;
using Csw.TestKit;
using Csw.Tests.Shared;

namespace Csw.Command.Tests;

/// <summary>What every <see cref="ICommandService"/> must do with CurrentState: oneway-and-match with each matcher, and state subscriptions.</summary>
public abstract class CurrentStateContractTests(string? config = null) : CommandContractBase(config)
{
    // OnewayAsync, OnewayAndMatchAsync

    [Fact]
    public async Task OnewayAsync_ValidAndInvalid_AcceptedAndInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Accepted>(await service.OnewayAsync(Command("complete")));
        Assert.IsType<Invalid>(await service.OnewayAsync(Command("invalid")));
        Assert.Empty(Hcd.Submitted);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_DemandMatcherWithoutUnits_Completed()
    {
        var service = await StartComponentAsync();
        var matched = await service.OnewayAndMatchAsync(Move(4), new DemandMatcher(PositionDemand(4), withUnits: false, TimeSpan.FromSeconds(5)));
        Assert.IsType<Completed>(matched);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_DemandMatcherWithUnits_CompletedWhenUnitsAgree()
    {
        var service = await StartComponentAsync();
        var matched = await service.OnewayAndMatchAsync(Move(4), new DemandMatcher(PositionDemand(4, Units.Meter), withUnits: true, TimeSpan.FromSeconds(5)));
        Assert.IsType<Completed>(matched);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_DemandMatcherWithUnitsThatDiffer_ErrorAfterTheMatchersTimeout()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.OnewayAndMatchAsync(Move(4), new DemandMatcher(PositionDemand(4), withUnits: true, TimeSpan.FromMilliseconds(200))));
        Assert.Contains("position", error.Message);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_OtherValue_ErrorAfterTheMatchersTimeout()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Error>(await service.OnewayAndMatchAsync(Move(5), new DemandMatcher(PositionDemand(4), withUnits: false, TimeSpan.FromMilliseconds(200))));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_DemandMatcherAll_CompletedOnlyForTheWholeState()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Completed>(await service.OnewayAndMatchAsync(Move(6), new DemandMatcherAll(PositionDemand(6, Units.Meter), TimeSpan.FromSeconds(5))));
        Assert.IsType<Error>(await service.OnewayAndMatchAsync(Move(6), new DemandMatcherAll(PositionDemand(6), TimeSpan.FromMilliseconds(200))));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_PresenceMatcher_CompletedWhenTheStateAppears()
    {
        var service = await StartComponentAsync();
        var accepted = await service.OnewayAndMatchAsync(Command("flag"), new PresenceMatcher(ContractHcd.Prefix, FlagState, TimeSpan.FromSeconds(5)));
        Assert.IsType<Completed>(accepted);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_PresenceMatcherNothingPublished_ErrorNamingTheState()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.OnewayAndMatchAsync(Command("complete"), new PresenceMatcher(ContractHcd.Prefix, FlagState, TimeSpan.FromMilliseconds(200))));
        Assert.Contains("flag", error.Message);
    }

    [Fact]
    public async Task OnewayAndMatchAsync_InvalidCommand_ReturnsInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Invalid>(await service.OnewayAndMatchAsync(Command("invalid"), new PresenceMatcher(ContractHcd.Prefix, PositionState, TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public async Task OnewayAndMatchAsync_Cancelled_Throws()
    {
        var service = await StartComponentAsync();
        using var cancel = new CancellationTokenSource();
        var matching = service.OnewayAndMatchAsync(Command("complete"), new PresenceMatcher(ContractHcd.Prefix, FlagState, TimeSpan.FromMinutes(1)), cancel.Token);
        await AwaitAssertAsync(() => Assert.False(matching.IsCompleted));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => matching);
    }

    // SubscribeCurrentState

    [Fact]
    public async Task SubscribeCurrentState_WithNames_OnlyThoseInOrder()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var states = service.SubscribeCurrentState([PositionState], stop.Token).GetAsyncEnumerator(stop.Token);
        await ReadFirstAsync(service, states, Command("flag"), Move(-1), stop.Token);
        Assert.Equal(PositionState, states.Current.StateName);
        await service.OnewayAsync(Command("flag"), stop.Token);
        await service.OnewayAsync(Move(100), stop.Token);
        await service.OnewayAsync(Command("flag"), stop.Token);
        await service.OnewayAsync(Move(101), stop.Token);
        var received = new List<CurrentState>();
        while (received.Count == 0 || received[^1].Get(ContractHcd.Position).Head != 101)
        {
            Assert.True(await states.MoveNextAsync());
            received.Add(states.Current);
        }
        Assert.All(received, state => Assert.Equal(PositionState, state.StateName));
        var positions = received.Select(s => s.Get(ContractHcd.Position).Head).ToList();
        Assert.True(positions.IndexOf(100) < positions.IndexOf(101));
    }

    [Fact]
    public async Task SubscribeCurrentState_WithoutNames_AllStates()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var states = service.SubscribeCurrentState(cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);
        await ReadFirstAsync(service, states, Move(-1), Move(-1), stop.Token);
        await service.OnewayAsync(Command("flag"), stop.Token);
        await service.OnewayAsync(Move(7), stop.Token);
        var names = new List<StateName>();
        do
        {
            Assert.True(await states.MoveNextAsync());
            names.Add(states.Current.StateName);
        }
        while (states.Current.StateName != PositionState || states.Current.Get(ContractHcd.Position).Head != 7);
        Assert.Contains(FlagState, names);
    }

    [Fact]
    public async Task SubscribeCurrentState_EmptyNames_AllStates()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var states = service.SubscribeCurrentState([], stop.Token).GetAsyncEnumerator(stop.Token);
        await ReadFirstAsync(service, states, Command("flag"), Command("flag"), stop.Token);
        Assert.Equal(FlagState, states.Current.StateName);
    }

    [Fact]
    public async Task SubscribeCurrentState_Cancelled_EnumerationEnds()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource();
        await using var states = service.SubscribeCurrentState([PositionState], stop.Token).GetAsyncEnumerator(stop.Token);
        await ReadFirstAsync(service, states, Move(1), Move(1), CancellationToken.None);
        await stop.CancelAsync();
        // States already received may still be handed out; then the enumeration throws.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await states.MoveNextAsync())
            {
            }
        });
    }

    [Fact]
    public async Task SubscribeCurrentState_Callback_ReceivesUntilDisposed()
    {
        var service = await StartComponentAsync();
        var probe = CreateTestProbe();
        var subscription = service.SubscribeCurrentState(state => probe.Ref.Tell(state.Get(ContractHcd.Position).Head));
        await AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(Move(1));
            Assert.Equal(1, await probe.ExpectMsgAsync<int>(TimeSpan.FromMilliseconds(200)));
        });
        await service.OnewayAsync(Move(2));
        await probe.FishForMessageAsync<int>(position => position == 2);
        await subscription.DisposeAsync();
        await service.OnewayAsync(Move(3));
        // Late copies of the states above may still come; state 3 must not.
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => probe.FishForMessageAsync<int>(position => position == 3, TimeSpan.FromMilliseconds(300)).AsTask());
    }

    [Fact]
    public async Task SubscribeCurrentState_CallbackWithNames_OnlyThose()
    {
        var service = await StartComponentAsync();
        var probe = CreateTestProbe();
        await using var subscription = service.SubscribeCurrentState(state => probe.Ref.Tell(state.StateName), [FlagState]);
        await AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(Move(1));
            await service.OnewayAsync(Command("flag"));
            Assert.Equal(FlagState, await probe.ExpectMsgAsync<StateName>(TimeSpan.FromMilliseconds(200)));
        });
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
