using Csw.Params;
using Csw.TestKit;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Remote;

/// <summary>
/// The streams over CSW's own protocol (a WebSocket per QueryFinal or subscription). The CurrentState
/// contract suite is not run here: CSW's protocol has no acknowledgement of a subscription, so it
/// cannot promise that a oneway sent right after subscribing is matched (CswNet's session can).
/// </summary>
public sealed class CswProtocolStreamTests : CommandContractBase
{
    private readonly RemoteComponent _remote = new();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) =>
        _remote.StartAsync(Sys, Hcd, options, RemoteComponent.Protocol.Csw);

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SubscribeCurrentState_CswWebSocket_StatesArriveInOrder()
    {
        var service = await StartComponentAsync();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var states = service.SubscribeCurrentState([PositionState], stop.Token).GetAsyncEnumerator(stop.Token);
        await ReadFirstAsync(service, states, Move(1), Move(1), stop.Token);
        await service.OnewayAsync(Move(2), stop.Token);
        await service.OnewayAsync(Move(3), stop.Token);
        var seen = new List<int>();
        while (seen.LastOrDefault() != 3 && await states.MoveNextAsync())
        {
            seen.Add(states.Current.Get(ContractHcd.Position).Head);
        }
        Assert.Equal([2, 3], seen.SkipWhile(position => position == 1));
    }

    [Fact]
    public async Task QueryFinalAsync_CswWebSocket_WaitsForTheFinalResponse()
    {
        var service = await StartComponentAsync();
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        var final = service.QueryFinalAsync(started.RunId, TestTime.DefaultTimeout);
        Assert.False(final.IsCompleted);
        Hcd.Release.SetResult();
        Assert.Equal(new Completed(started.RunId), await final);
    }
}
