using Csw.Tests.Shared;
using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Supervisor;

public sealed class ConcurrencyModelTests : FrameworkTestBase
{
    [Fact]
    public async Task Supervisor_WhileHandlerAwaits_StillAnswersQueriesLocksAndLifecycle()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var finished = await service.SubmitAsync(Command("complete"));
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;

        Assert.Equal(finished, await service.QueryAsync(finished.RunId));
        Assert.Equal(finished, await service.QueryFinalAsync(finished.RunId));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Assert.IsType<LockingResponse.LockAcquired>(await hcd.Ask<LockingResponse>(r => new SupervisorMessage.Lock(Client, TimeSpan.FromMinutes(1), r), TestTime.DefaultTimeout, default));
        Assert.False(blocked.IsCompleted);

        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
    }

    [Fact]
    public async Task HandlerCalls_WhileOneAwaits_NextWaitsItsTurn()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        var next = service.SubmitAsync(Command("complete"));
        // Answered by the supervisor itself while the lane is busy: proves 'next' was queued, not run.
        await StateOfAsync(hcd);
        Assert.False(next.IsCompleted);
        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
        Assert.IsType<Completed>(await next);
    }

    [Fact]
    public async Task Publish_WhileHandlerAwaits_SubscribersReceive()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        var states = CreateTestProbe();
        await using var subscription = service.SubscribeCurrentState(states.Ref.Tell);
        // The handlers' publisher works from any thread, whatever the lane is doing; publish until the
        // subscription (made asynchronously) is in place.
        await AwaitAssertAsync(async () =>
        {
            Control.Context!.CurrentStatePublisher.Publish(new CurrentState(TestHcd.Prefix, "state"));
            Assert.Equal("state", (await states.ExpectMsgAsync<CurrentState>(TimeSpan.FromMilliseconds(200))).StateName.Name);
        });
        Assert.False(blocked.IsCompleted);
        Control.HandlerGate.SetResult();
        await blocked;
    }

    [Fact]
    public async Task Supervisor_WhileHandlerAwaits_LongCommandCompletesAndQueryFinalAnswers()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        var waiting = service.QueryFinalAsync(started.RunId);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        Control.LongCommandGate.SetResult();
        Assert.Equal(new Completed(started.RunId), await waiting);
        Assert.False(blocked.IsCompleted);
        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
    }

    [Fact]
    public async Task Lifecycle_WhileHandlerAwaits_ChangeWaitsItsTurnButQueriesAnswer()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        hcd.Tell(new SupervisorMessage.GoOffline());
        Assert.Equal(SupervisorLifecycleState.Running, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Assert.Empty(Control.Events);
        Control.HandlerGate.SetResult();
        Assert.Equal(SupervisorLifecycleState.RunningOffline, (await lifecycle.ExpectMsgAsync<LifecycleStateChanged>()).State);
        Assert.Equal(["offline"], Control.Events);
        await blocked;
    }

    [Fact]
    public async Task Shutdown_CommandsWaitingBehindIt_AnsweredWhenTheComponentStops()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        hcd.Tell(new SupervisorMessage.Shutdown());
        var submit = service.SubmitAsync(Command("complete"));
        var oneway = service.OnewayAsync(Command("complete"));
        var validate = service.ValidateAsync(Command("complete"));
        // Answered by the supervisor after it queued the three: they wait behind the shutdown.
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
        Assert.Equal(CommandIssueKind.WrongInternalStateIssue, Assert.IsType<Invalid>(await submit).Issue.Kind);
        Assert.IsType<Invalid>(await oneway);
        Assert.IsType<Invalid>(await validate);
        await ExpectStoppedAsync(hcd);
        Assert.Equal(0, Control.Oneways);
    }

    [Fact]
    public async Task Submit_BeyondMaxQueuedCommands_AnsweredBusyAtOnceAndTheQueuedOnesStillRun()
    {
        var hcd = await StartRunningHcdAsync(ComponentOptions.Default with { MaxQueuedCommands = 2 });
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task;
        var queued = new[] { service.SubmitAsync(Command("complete")), service.SubmitAsync(Command("complete")) };

        var busy = Assert.IsType<Invalid>(await service.SubmitAsync(Command("complete")));
        Assert.Equal(CommandIssueKind.HCDBusyIssue, busy.Issue.Kind);
        Assert.Contains("busy", busy.Issue.Reason);
        Assert.IsType<Invalid>(await service.QueryAsync(busy.RunId));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));

        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
        Assert.All(await Task.WhenAll(queued), response => Assert.IsType<Completed>(response));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task HandlerFailures_OfOneComponent_NeighbourInTheSameSystemUnaffected()
    {
        var hcd = await StartRunningHcdAsync();
        var neighbourControl = new TestHcdControl();
        var neighbour = Component.Spawn(Sys, new ComponentInfo(Prefix.Parse("WFOS.neighbour.hcd"), ComponentType.HCD), context => new TestHcd(context, neighbourControl));
        var service = CommandServiceFactory.Make(hcd);
        Assert.IsType<Error>(await service.SubmitAsync(Command("throw")));
        Assert.IsType<Error>(await service.SubmitAsync(Command("null")));
        await service.OnewayAsync(Command("throw"));
        Assert.IsType<Completed>(await CommandServiceFactory.Make(neighbour).SubmitAsync(Command("complete")));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(neighbour));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
    }
}
