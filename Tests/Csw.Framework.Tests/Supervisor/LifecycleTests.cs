using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Supervisor;

public sealed class LifecycleTests : FrameworkTestBase
{
    [Fact]
    public async Task Spawn_InitializeSucceeds_GoesFromIdleToRunning()
    {
        var lifecycle = CreateTestProbe();
        var hcd = StartHcd();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        var first = await lifecycle.ExpectMsgAsync<LifecycleStateChanged>();
        if (first.State == SupervisorLifecycleState.Idle)
        {
            Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
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
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        hcd.Tell(new SupervisorMessage.GoOffline());
        Assert.Equal(new LifecycleStateChanged(hcd, SupervisorLifecycleState.RunningOffline), await lifecycle.ExpectMsgAsync<LifecycleStateChanged>());
        hcd.Tell(new SupervisorMessage.UnsubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.RunningOffline, await StateOfAsync(hcd));
        hcd.Tell(new SupervisorMessage.GoOnline());
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsyncEventually(hcd, SupervisorLifecycleState.Running));
        await lifecycle.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
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
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        await lifecycle.ExpectMsgAsync<LifecycleStateChanged>();
        hcd.Tell(new SupervisorMessage.Restart());
        Assert.Equal(SupervisorLifecycleState.Restart, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        await lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == SupervisorLifecycleState.Running);
        Assert.Equal(2, Control.Instances);
        Assert.Equal(["shutdown"], Control.Events);
    }

    [Fact]
    public async Task Shutdown_CallsOnShutdownAndStopsTheComponent()
    {
        var hcd = await StartRunningHcdAsync();
        var watcher = CreateTestProbe();
        watcher.Watch(hcd);
        hcd.Tell(new SupervisorMessage.Shutdown());
        await watcher.ExpectTerminatedAsync(hcd);
        Assert.Equal(["shutdown"], Control.Events);
    }

    [Fact]
    public async Task Shutdown_LifecycleSubscribers_ToldShutdownBeforeItStops()
    {
        var hcd = await StartRunningHcdAsync();
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        hcd.Tell(new SupervisorMessage.Shutdown());
        Assert.Equal(new LifecycleStateChanged(hcd, SupervisorLifecycleState.Shutdown), await lifecycle.ExpectMsgAsync<LifecycleStateChanged>());
    }

    [Fact]
    public async Task InitializeGivesUp_LifecycleSubscribers_ToldShutdown()
    {
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 0 });
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(SupervisorLifecycleState.Idle, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        Control.InitializeGate.SetResult();
        Assert.Equal(SupervisorLifecycleState.Shutdown, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
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

    [Fact]
    public async Task SubscribeLifecycleState_WhileInitializing_IdleFirstThenRunning()
    {
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hcd = StartHcd();
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        Assert.Equal(new LifecycleStateChanged(hcd, SupervisorLifecycleState.Idle), await lifecycle.ExpectMsgAsync<LifecycleStateChanged>());
        Assert.Equal(SupervisorLifecycleState.Idle, await StateOfAsync(hcd));
        Control.InitializeGate.SetResult();
        Assert.Equal(new LifecycleStateChanged(hcd, SupervisorLifecycleState.Running), await lifecycle.ExpectMsgAsync<LifecycleStateChanged>());
    }

    [Fact]
    public async Task Submit_WhileOffline_RunsAndHandlersSeeOffline()
    {
        var hcd = await StartRunningHcdAsync();
        var service = Csw.Command.CommandServiceFactory.Make(hcd);
        Assert.True(IsOnline(await service.SubmitAsync(Command("online?"))));
        hcd.Tell(new SupervisorMessage.GoOffline());
        await WaitForStateAsync(hcd, SupervisorLifecycleState.RunningOffline);
        Assert.False(IsOnline(await service.SubmitAsync(Command("online?"))));
        hcd.Tell(new SupervisorMessage.GoOnline());
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.True(IsOnline(await service.SubmitAsync(Command("online?"))));
    }

    [Fact]
    public async Task GoOffline_WhenOffline_IsIgnored()
    {
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.GoOffline());
        await WaitForStateAsync(hcd, SupervisorLifecycleState.RunningOffline);
        hcd.Tell(new SupervisorMessage.GoOffline());
        Assert.Equal(SupervisorLifecycleState.RunningOffline, await StateOfAsync(hcd));
        Assert.Equal(["offline"], Control.Events);
    }

    [Fact]
    public async Task GoOfflineThenGoOnline_QueuedBehindAHandler_BothApplyInOrder()
    {
        var hcd = await StartRunningHcdAsync();
        var blocked = Csw.Command.CommandServiceFactory.Make(hcd).SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        hcd.Tell(new SupervisorMessage.GoOffline());
        hcd.Tell(new SupervisorMessage.GoOnline());
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Control.HandlerGate.SetResult();
        await blocked;
        var changes = await lifecycle.ReceiveNAsync(3).Cast<LifecycleStateChanged>().ToListAsync();
        Assert.Equal([SupervisorLifecycleState.Running, SupervisorLifecycleState.RunningOffline, SupervisorLifecycleState.Running], changes.Select(c => c.State));
        Assert.Equal(["offline", "online"], Control.Events);
    }

    [Fact]
    public async Task GoOffline_SentTwiceTogether_HandlersCalledOnce()
    {
        var hcd = await StartRunningHcdAsync();
        var service = Csw.Command.CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        hcd.Tell(new SupervisorMessage.GoOffline());
        hcd.Tell(new SupervisorMessage.GoOffline());
        Control.HandlerGate.SetResult();
        await blocked;
        await WaitForStateAsync(hcd, SupervisorLifecycleState.RunningOffline);
        // Lane items run in order: once this command has run, both GoOffline have had their turn.
        await service.SubmitAsync(Command("complete"));
        Assert.Equal(["offline"], Control.Events);
    }

    [Fact]
    public async Task DiagnosticAndOperationsMode_WhenRunning_CallHandlersInOrder()
    {
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.DiagnosticMode(UtcTime.Now(), "engineering"));
        hcd.Tell(new SupervisorMessage.OperationsMode());
        await AwaitAssertAsync(() => Assert.Equal(["diagnostic:engineering", "operations"], Control.Events));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
    }

    [Fact]
    public async Task Submit_DuringRestart_RunsOnTheFreshInstance()
    {
        var hcd = await StartRunningHcdAsync();
        var service = Csw.Command.CommandServiceFactory.Make(hcd);
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        hcd.Tell(new SupervisorMessage.Restart());
        await lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == SupervisorLifecycleState.Idle);
        var response = service.SubmitAsync(Command("complete"));
        Assert.Equal(SupervisorLifecycleState.Idle, await StateOfAsync(hcd));
        Assert.False(response.IsCompleted);
        Control.InitializeGate.SetResult();
        Assert.IsType<Completed>(await response);
        Assert.Equal(2, Control.Instances);
    }

    [Fact]
    public async Task Shutdown_OnShutdownThrows_StillStops()
    {
        Control.Shutdown = ShutdownBehaviour.Throws;
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        Assert.Contains(Logs.Entries, e => e.Exception?.Message == "shutdown failed on purpose");
    }

    [Fact]
    public async Task Shutdown_OnShutdownHangs_StopsAfterTheShutdownTimeout()
    {
        Control.Shutdown = ShutdownBehaviour.Hangs;
        var hcd = await StartRunningHcdAsync(ComponentOptions.Default with { ShutdownTimeout = TimeSpan.FromMilliseconds(50) });
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        Assert.Contains(Logs.Entries, e => e.Exception is TimeoutException);
    }

    private static bool IsOnline(ISubmitResponse response) => Assert.IsType<Completed>(response).Result.Get(TestHcd.Online).Head;

    private async Task<SupervisorLifecycleState> StateOfAsyncEventually(IActorRef hcd, SupervisorLifecycleState wanted)
    {
        SupervisorLifecycleState state = default;
        await AwaitAssertAsync(async () => Assert.Equal(wanted, state = await StateOfAsync(hcd)));
        return state;
    }
}

