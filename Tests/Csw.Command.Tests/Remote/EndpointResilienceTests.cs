using Csw.Params;
using Csw.TestKit;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Remote;

/// <summary>What the remote client promises when connections break: QueryFinal asks again and the final response is not lost.</summary>
public sealed class EndpointResilienceTests : ComponentTestKit, IAsyncLifetime
{
    private readonly ContractHcdControl _hcd = new();

    private readonly RemoteComponent _remote = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _hcd.Release.TrySetResult();
        await _remote.DisposeAsync();
    }

    [Theory]
    [InlineData(RemoteComponent.Protocol.Session)]
    [InlineData(RemoteComponent.Protocol.Csw)]
    public async Task QueryFinalAsync_ConnectionDropsWhileWaiting_ReconnectsAndGetsTheFinalResponse(RemoteComponent.Protocol protocol)
    {
        var service = await _remote.StartAsync(Sys, _hcd, null, protocol);
        var started = Assert.IsType<Started>(await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "long")));
        var final = service.QueryFinalAsync(started.RunId, TestTime.DefaultTimeout);

        // Every connection to the endpoint is cut, and for a while nobody listens.
        await _remote.StopEndpointAsync();
        Assert.False(final.IsCompleted, final.Exception?.ToString());
        await _remote.RestartEndpointAsync();
        _hcd.Release.SetResult();

        Assert.Equal(new Completed(started.RunId), await final.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task SubmitAsync_AfterTheEndpointCameBack_OpensANewSession()
    {
        var service = await _remote.StartAsync(Sys, _hcd, null, RemoteComponent.Protocol.Session);
        await _remote.StopEndpointAsync();
        var error = await Assert.ThrowsAsync<CommandServiceException>(() => service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "complete")));
        Assert.Equal("Unavailable", error.ErrorName);

        await _remote.RestartEndpointAsync();
        Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "complete")));
    }

    [Fact]
    public async Task SubscribeCurrentState_ConnectionDrops_StreamResubscribesAndGoesOn()
    {
        var service = await _remote.StartAsync(Sys, _hcd, null, RemoteComponent.Protocol.Session);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var states = service.SubscribeCurrentState([new StateName("position")], stop.Token).GetAsyncEnumerator(stop.Token);
        var first = states.MoveNextAsync().AsTask();
        await service.OnewayAsync(Move(1), stop.Token);
        Assert.True(await first);

        await _remote.StopEndpointAsync();
        await _remote.RestartEndpointAsync();
        var next = states.MoveNextAsync().AsTask();
        // The new subscription is made in the background: keep moving until a state arrives.
        await AwaitAssertAsync(async () =>
        {
            if (!next.IsCompleted)
            {
                await service.OnewayAsync(Move(2), stop.Token);
            }
            Assert.True(next.IsCompleted);
        });
        Assert.True(await next);
        Assert.Equal(2, states.Current.Get(ContractHcd.Position).Head);
    }

    private static Setup Move(int position) => new Setup(Prefix.Parse("WFOS.client"), "move").Add(ContractHcd.Position.Set(position));
}
