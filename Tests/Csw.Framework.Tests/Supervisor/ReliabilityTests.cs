using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Supervisor;

/// <summary>Request ids, expired commands and restart semantics (docs/Reliability.md).</summary>
public sealed class ReliabilityTests : FrameworkTestBase
{
    [Fact]
    public async Task Submit_SameRequestIdTwice_RunsOnceAndBothGetTheOriginalResponse()
    {
        var hcd = await StartRunningHcdAsync();
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        hcd.Tell(new ComponentMessage.Submit(Command("complete"), first.Ref) { RequestId = "same" });
        hcd.Tell(new ComponentMessage.Submit(Command("complete"), second.Ref) { RequestId = "same" });
        var original = await first.ExpectMsgAsync<Completed>();
        Assert.Equal(original, await second.ExpectMsgAsync<Completed>());
        Assert.Equal(1, Control.Submits);
    }

    [Fact]
    public async Task Submit_RepeatWhileTheOriginalRuns_GetsItsResponseWhenItComes()
    {
        var hcd = await StartRunningHcdAsync();
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        hcd.Tell(new ComponentMessage.Submit(Command("blocking"), first.Ref) { RequestId = "slow" });
        await Control.HandlerEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        hcd.Tell(new ComponentMessage.Submit(Command("blocking"), second.Ref) { RequestId = "slow" });
        await second.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Control.HandlerGate.SetResult();
        var original = await first.ExpectMsgAsync<Completed>();
        Assert.Equal(original, await second.ExpectMsgAsync<Completed>());
        Assert.Equal(1, Control.Submits);
    }

    [Fact]
    public async Task Oneway_SameRequestIdTwice_RunsOnce()
    {
        var hcd = await StartRunningHcdAsync();
        var probe = CreateTestProbe();
        hcd.Tell(new ComponentMessage.Oneway(Command("complete"), probe.Ref) { RequestId = "one" });
        var accepted = await probe.ExpectMsgAsync<Accepted>();
        hcd.Tell(new ComponentMessage.Oneway(Command("complete"), probe.Ref) { RequestId = "one" });
        Assert.Equal(accepted, await probe.ExpectMsgAsync<Accepted>());
        await AwaitAssertAsync(() => Assert.Equal(1, Control.Oneways));
        // Told after both oneways, answered after the first ran: had the second run, it would be counted by now.
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
        Assert.Equal(1, Control.Oneways);
    }

    [Fact]
    public async Task Submit_CallerDeadlinePassedWhileQueued_NotRunAndCancelled()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocking = service.SubmitAsync(Command("blocking"));
        await Control.HandlerEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var probe = CreateTestProbe();
        hcd.Tell(new ComponentMessage.Submit(Command("complete"), probe.Ref) { Deadline = DateTime.UtcNow.AddMilliseconds(-1) });
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Control.HandlerGate.SetResult();
        await blocking;
        var cancelled = await probe.ExpectMsgAsync<Cancelled>();
        Assert.Equal(cancelled, await service.QueryFinalAsync(cancelled.RunId));
        Assert.Equal(1, Control.Submits);
    }

    [Fact]
    public async Task Restart_WithStartedCommand_CommandEndsWithInterruptedError()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        var final = service.QueryFinalAsync(started.RunId);
        hcd.Tell(new SupervisorMessage.Restart());
        var error = Assert.IsType<Error>(await final);
        Assert.Contains("interrupted: the component restarted", error.Message);
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        // The old instance's late completion does not overwrite it.
        Control.LongCommandGate.SetResult();
        Assert.Equal(error, await service.QueryFinalAsync(started.RunId));
    }

    [Fact]
    public async Task Restart_OnShutdownOutlivesItsTimeout_ShutsDownInsteadOfStartingANewInstance()
    {
        Control.Shutdown = ShutdownBehaviour.Hangs;
        var hcd = await StartRunningHcdAsync(ComponentOptions.Default with { ShutdownTimeout = TimeSpan.FromMilliseconds(50) });
        hcd.Tell(new SupervisorMessage.Restart());
        await ExpectStoppedAsync(hcd);
        Assert.Equal(1, Control.Instances);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("instead of restarting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialize_OldAttemptOutlivesItsTimeout_NextInstanceWaitsUntilItEnds()
    {
        Control.StubbornInitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, ComponentOptions.Default with { ShutdownTimeout = TimeSpan.FromMinutes(1) });
        await AwaitAssertAsync(() => Assert.Contains(Logs.Entries, e => e.Message.Contains("still runs after its timeout", StringComparison.Ordinal)));
        Assert.Equal(1, Control.InitializeAttempts);
        Control.StubbornInitializeGate.SetResult();
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.Equal(2, Control.InitializeAttempts);
    }
}
