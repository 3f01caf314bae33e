using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Supervisor;

public sealed class LifecycleTests : FrameworkTestBase
{
    [Fact]
    public async Task Spawn_InitializeSucceeds_GoesFromIdleToRunning()
    {
        var lifecycle = CreateProbe<LifecycleStateChanged>();
        var hcd = StartHcd();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        var first = await lifecycle.ExpectMessageAsync();
        if (first.State == SupervisorLifecycleState.Idle)
        {
            Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMessageAsync()).State);
        }
        else
        {
            Assert.Equal(SupervisorLifecycleState.Running, first.State);
        }
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
    }

    [Fact]
    public async Task SubscribeLifecycleState_ThenChanges_CurrentStateFirstThenEachChange()
    {
        var hcd = await StartRunningHcdAsync();
        var lifecycle = CreateProbe<LifecycleStateChanged>();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMessageAsync()).State);
        hcd.Tell(new SupervisorMessage.GoOffline());
        Assert.Equal(new LifecycleStateChanged(hcd, SupervisorLifecycleState.RunningOffline), await lifecycle.ExpectMessageAsync());
        hcd.Tell(new SupervisorMessage.UnsubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.RunningOffline, await StateOfAsync(hcd));
        hcd.Tell(new SupervisorMessage.GoOnline());
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsyncEventually(hcd, SupervisorLifecycleState.Running));
        await lifecycle.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task GoOfflineThenOnline_CallsHandlersAndSetsIsOnline()
    {
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.GoOffline());
        await WaitForStateAsync(hcd, SupervisorLifecycleState.RunningOffline);
        hcd.Tell(new SupervisorMessage.GoOnline());
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.Equal(["offline", "online"], Control.Events);
    }

    [Fact]
    public async Task GoOnline_WhenAlreadyRunning_IsIgnored()
    {
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.GoOnline());
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Assert.Empty(Control.Events);
    }

    [Fact]
    public async Task Restart_ShutsDownAndInitializesAFreshInstance()
    {
        var hcd = await StartRunningHcdAsync();
        var lifecycle = CreateProbe<LifecycleStateChanged>();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        await lifecycle.ExpectMessageAsync();
        hcd.Tell(new SupervisorMessage.Restart());
        Assert.Equal(SupervisorLifecycleState.Restart, (await lifecycle.ExpectMessageAsync()).State);
        await lifecycle.FishForMessageAsync(change => change.State == SupervisorLifecycleState.Running);
        Assert.Equal(2, Control.Instances);
        Assert.Equal(["shutdown"], Control.Events);
    }

    [Fact]
    public async Task Shutdown_CallsOnShutdownAndStopsTheComponent()
    {
        var hcd = await StartRunningHcdAsync();
        var watcher = CreateProbe<object>();
        watcher.Watch(hcd);
        hcd.Tell(new SupervisorMessage.Shutdown());
        await watcher.ExpectTerminatedAsync(hcd);
        Assert.Equal(["shutdown"], Control.Events);
    }

    [Fact]
    public async Task Shutdown_PendingQueryFinal_GetsAnError()
    {
        var hcd = await StartRunningHcdAsync();
        var service = Csw.Command.CommandServiceFactory.Make(hcd);
        var started = await service.SubmitAsync(Command("long"));
        var waiting = service.QueryFinalAsync(started.RunId);
        Assert.IsType<Started>(await service.QueryAsync(started.RunId));
        hcd.Tell(new SupervisorMessage.Shutdown());
        Assert.IsType<Error>(await waiting);
    }

    private static async Task<SupervisorLifecycleState> StateOfAsyncEventually(Csw.Actors.ActorRef<Csw.Command.ComponentMessage> hcd, SupervisorLifecycleState wanted)
    {
        SupervisorLifecycleState state = default;
        await Csw.TestKit.TestWaits.AwaitAssertAsync(async () => Assert.Equal(wanted, state = await StateOfAsync(hcd)));
        return state;
    }
}
