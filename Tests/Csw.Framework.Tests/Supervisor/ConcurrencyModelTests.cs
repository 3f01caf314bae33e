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
        Assert.IsType<LockingResponse.LockAcquired>(await hcd.AskAsync<LockingResponse>(r => new SupervisorMessage.Lock(Client, TimeSpan.FromMinutes(1), r)));
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
        var states = CreateProbe<CurrentState>();
        await using var subscription = service.SubscribeCurrentState(states.Ref.Tell);
        // The handlers' publisher works from any thread, whatever the lane is doing; publish until the
        // subscription (made asynchronously) is in place.
        await Csw.TestKit.TestWaits.AwaitAssertAsync(async () =>
        {
            Control.Context!.CurrentStatePublisher.Publish(new CurrentState(TestHcd.Prefix, "state"));
            Assert.Equal("state", (await states.ExpectMessageAsync(TimeSpan.FromMilliseconds(200))).StateName.Name);
        });
        Assert.False(blocked.IsCompleted);
        Control.HandlerGate.SetResult();
        await blocked;
    }
}
