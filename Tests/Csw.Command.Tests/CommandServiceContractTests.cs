using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests;

/// <summary>
/// What every <see cref="ICommandService"/> must do, whatever carries the commands: run by
/// <see cref="LocalCommandServiceTests"/> now and by the HTTP/WebSocket client later. The tests use
/// nothing but <see cref="ICommandService"/> (and the test component's own controls).
/// </summary>
public abstract class CommandServiceContractTests : ActorTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");
    private static readonly StateName PositionState = new("position");
    private static readonly StateName FlagState = new("flag");

    /// <summary>Steers and observes the component (gates for long and stalled commands, the commands it ran).</summary>
    protected ContractHcdControl Hcd { get; } = new();

    /// <summary>A command service for a running <see cref="ContractHcd"/> using <see cref="Hcd"/>.</summary>
    /// <param name="options">The service's options; the defaults when null.</param>
    protected abstract Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null);

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        Hcd.Release.TrySetResult();
        Hcd.Unstall.TrySetResult();
        await base.DisposeAsync();
    }

    private static Setup Command(string name) => new(Client, name);

    private static Setup Move(int position) => new Setup(Client, "move").Add(ContractHcd.Position.Set(position));

    private static DemandState PositionDemand(int position, Units? units = null) =>
        new DemandState(ContractHcd.Prefix, PositionState).Add(units is null ? ContractHcd.Position.Set(position) : ContractHcd.Position.Set(position).WithUnits(units));

    // ValidateAsync

    [Fact]
    public async Task ValidateAsync_ValidAndInvalid_AcceptedAndInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Accepted>(await service.ValidateAsync(Command("complete")));
        var invalid = Assert.IsType<Invalid>(await service.ValidateAsync(Command("invalid")));
        Assert.Equal(CommandIssueKind.UnsupportedCommandIssue, invalid.Issue.Kind);
        Assert.Equal("not supported", invalid.Issue.Reason);
    }

    [Fact]
    public async Task ValidateAsync_Valid_DoesNotRunTheCommand()
    {
        var service = await StartComponentAsync();
        await service.ValidateAsync(Command("complete"));
        await service.SubmitAsync(Command("fail"));
        Assert.Equal(["fail"], Hcd.Submitted);
    }

    // SubmitAsync, QueryAsync, QueryFinalAsync

    [Fact]
    public async Task SubmitAsync_Immediate_FinalAndQueryFinalAnswersAtOnce()
    {
        var service = await StartComponentAsync();
        var completed = Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
        Assert.Equal(completed, await service.QueryAsync(completed.RunId));
        Assert.Equal(completed, await service.QueryFinalAsync(completed.RunId));
    }

    [Fact]
    public async Task SubmitAsync_Invalid_InvalidAsRecorded()
    {
        var service = await StartComponentAsync();
        var invalid = Assert.IsType<Invalid>(await service.SubmitAsync(Command("invalid")));
        Assert.Equal(invalid, await service.QueryFinalAsync(invalid.RunId));
        Assert.Empty(Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAsync_HandlerThrows_ErrorWithTheMessage()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.SubmitAsync(Command("throw")));
        Assert.Equal("thrown on purpose", error.Message);
        Assert.Equal(error, await service.QueryAsync(error.RunId));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task SubmitAsync_LongCommand_StartedAndQueryRightAfterFindsStarted()
    {
        var service = await StartComponentAsync();
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        Assert.Equal(started, await service.QueryAsync(started.RunId));
    }

    [Fact]
    public async Task QueryFinalAsync_LongCommand_WaitsForTheFinalResponse()
    {
        var service = await StartComponentAsync();
        var started = await service.SubmitAsync(Command("long"));
        var final = service.QueryFinalAsync(started.RunId);
        // A round trip after the QueryFinal: the command is still running, so no final answer yet.
        Assert.IsType<Started>(await service.QueryAsync(started.RunId));
        Assert.False(final.IsCompleted);
        Hcd.Release.SetResult();
        Assert.Equal(new Completed(started.RunId), await final);
        Assert.Equal(new Completed(started.RunId), await service.QueryAsync(started.RunId));
    }

    [Fact]
    public async Task QueryAsync_UnknownRunId_ErrorNamingIt()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.QueryAsync(new Id("nobody-knows")));
        Assert.Equal(new Id("nobody-knows"), error.RunId);
        Assert.Contains("nobody-knows", error.Message);
    }

    [Fact]
    public async Task QueryFinalAsync_UnknownRunId_ErrorAtOnce()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.QueryFinalAsync(new Id("nobody-knows")));
        Assert.Contains("nobody-knows", error.Message);
    }

    // SubmitAndWaitAsync, SubmitAllAndWaitAsync

    [Fact]
    public async Task SubmitAndWaitAsync_Immediate_FinalResponse()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Completed>(await service.SubmitAndWaitAsync(Command("complete")));
        Assert.Equal("failed on purpose", Assert.IsType<Error>(await service.SubmitAndWaitAsync(Command("fail"))).Message);
        Assert.IsType<Invalid>(await service.SubmitAndWaitAsync(Command("invalid")));
    }

    [Fact]
    public async Task SubmitAndWaitAsync_Long_WaitsForCompletion()
    {
        var service = await StartComponentAsync();
        var waiting = service.SubmitAndWaitAsync(Command("long"));
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        Assert.False(waiting.IsCompleted);
        Hcd.Release.SetResult();
        Assert.IsType<Completed>(await waiting);
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
        Hcd.Release.SetResult();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("long"), Command("complete")]);
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.IsType<Completed>(r));
        Assert.Equal(3, responses.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_LongFirst_NextSubmittedOnlyAfterItFinishes()
    {
        var service = await StartComponentAsync();
        var all = service.SubmitAllAndWaitAsync([Command("long"), Command("complete")]);
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        Assert.Equal(["long"], Hcd.Submitted);
        Hcd.Release.SetResult();
        Assert.Equal(2, (await all).Count);
        Assert.Equal(["long", "complete"], Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_NegativeInTheMiddle_StopsThere()
    {
        var service = await StartComponentAsync();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("fail"), Command("complete")]);
        Assert.Equal(2, responses.Count);
        Assert.IsType<Error>(responses[1]);
        Assert.Equal(["complete", "fail"], Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_InvalidFirst_StopsAtOnce()
    {
        var service = await StartComponentAsync();
        var responses = await service.SubmitAllAndWaitAsync([Command("invalid"), Command("complete")]);
        Assert.IsType<Invalid>(Assert.Single(responses));
        Assert.Empty(Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_NoCommands_NoResponses()
    {
        var service = await StartComponentAsync();
        Assert.Empty(await service.SubmitAllAndWaitAsync([]));
    }

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
        await TestWaits.AwaitAssertAsync(() => Assert.False(matching.IsCompleted));
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
        var probe = CreateProbe<int>();
        var subscription = service.SubscribeCurrentState(state => probe.Ref.Tell(state.Get(ContractHcd.Position).Head));
        await TestWaits.AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(Move(1));
            Assert.Equal(1, await probe.ExpectMessageAsync(TimeSpan.FromMilliseconds(200)));
        });
        await service.OnewayAsync(Move(2));
        await probe.FishForMessageAsync(position => position == 2);
        await subscription.DisposeAsync();
        await service.OnewayAsync(Move(3));
        // Late copies of the states above may still come; state 3 must not.
        await Assert.ThrowsAsync<TestKitAssertionException>(() => probe.FishForMessageAsync(position => position == 3, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task SubscribeCurrentState_CallbackWithNames_OnlyThose()
    {
        var service = await StartComponentAsync();
        var probe = CreateProbe<StateName>();
        await using var subscription = service.SubscribeCurrentState(state => probe.Ref.Tell(state.StateName), [FlagState]);
        await TestWaits.AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(Move(1));
            await service.OnewayAsync(Command("flag"));
            Assert.Equal(FlagState, await probe.ExpectMessageAsync(TimeSpan.FromMilliseconds(200)));
        });
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    // Cancellation and timeouts

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
    public async Task SubmitAndWaitAsync_Cancelled_Throws()
    {
        var service = await StartComponentAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = service.SubmitAndWaitAsync(Command("long"), cancellationToken: cancel.Token);
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task SubmitAsync_NoFirstResponse_CancelledThrows()
    {
        var service = await StartComponentAsync();
        using var cancel = new CancellationTokenSource();
        var submit = service.SubmitAsync(Command("stall"), cancel.Token);
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("stall", Hcd.Submitted));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submit);
    }

    [Fact]
    public async Task SubmitAsync_NoFirstResponse_DefaultTimeoutIsFinite()
    {
        var service = await StartComponentAsync(new CommandServiceOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAsync(Command("stall")));
    }

    [Fact]
    public async Task QueryFinalAsync_DefaultFinalTimeout_IsFinite()
    {
        var service = await StartComponentAsync(new CommandServiceOptions { FinalTimeout = TimeSpan.FromMilliseconds(100) });
        var started = await service.SubmitAsync(Command("never"));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.QueryFinalAsync(started.RunId));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAndWaitAsync(Command("never")));
    }

    /// <summary>
    /// Reads the first state of a stream whose subscription is made asynchronously: sends
    /// <paramref name="first"/>, then <paramref name="again"/> repeatedly, until a state arrives.
    /// </summary>
    private static async Task ReadFirstAsync(ICommandService service, IAsyncEnumerator<CurrentState> states, ControlCommand first, ControlCommand again, CancellationToken cancellationToken)
    {
        var next = states.MoveNextAsync().AsTask();
        await service.OnewayAsync(first, cancellationToken);
        await TestWaits.AwaitAssertAsync(async () =>
        {
            if (!next.IsCompleted)
            {
                await service.OnewayAsync(again, cancellationToken);
            }
            Assert.True(next.IsCompleted);
        });
        Assert.True(await next);
    }
}
