using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests.Supervisor;

public sealed class InitializeTests : FrameworkTestBase
{
    [Fact]
    public async Task Initialize_ThrowsTwice_RetriedWithFreshInstancesUntilRunning()
    {
        Control.InitializeFailures = 2;
        var hcd = StartHcd();
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.Equal(3, Control.Instances);
        Assert.Equal(2, Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Exception?.Message.StartsWith("initialize failure") == true));
    }

    [Fact]
    public async Task Initialize_KeepsThrowing_ShutsDownAfterThreeRestarts()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd();
        await ExpectStoppedAsync(hcd);
        Assert.Equal(4, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_ReturnsNull_CountsAsFailureNamingTheHandler()
    {
        Control.InitializeReturnsNull = true;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 0 });
        await ExpectStoppedAsync(hcd);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message.Contains("InitializeAsync returned null") == true);
    }

    [Fact]
    public async Task Initialize_ConfiguredRestarts_AreHonoured()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 1 });
        await ExpectStoppedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_Hangs_TimeoutCountsAsFailure()
    {
        Control.InitializeHangs = true;
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, ComponentOptions.Default with { MaxInitializeRestarts = 1 });
        await ExpectStoppedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
        Assert.Contains(Logs.Entries, e => e.Exception is TimeoutException timeout && timeout.Message.Contains("did not finish initializing"));
    }

    [Fact]
    public async Task Initialize_FailuresFurtherApartThanTheWindow_NotCountedAndRunning()
    {
        // Each timed-out attempt lasts at least the 50 ms timeout, so no two failures fall within a 10 ms window.
        Control.InitializeHangs = true;
        Control.InitializeFailuresBeforeSuccess = 3;
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, ComponentOptions.Default with { MaxInitializeRestarts = 1, InitializeRestartWindow = TimeSpan.FromMilliseconds(10) });
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.Equal(4, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_Hangs_HandlersTokenIsCancelled()
    {
        Control.InitializeHangs = true;
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, ComponentOptions.Default with { MaxInitializeRestarts = 0 });
        await ExpectStoppedAsync(hcd);
        await AwaitAssertAsync(() => Assert.Equal(1, Control.InitializeCancellations));
    }

    [Fact]
    public async Task Submit_DuringInitialize_WaitsAndRunsOnceRunning()
    {
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hcd = StartHcd();
        var service = CommandServiceFactory.Make(hcd);
        var response = service.SubmitAsync(Command("complete"));
        // Told after the submit from the same thread, so answered after the submit was admitted.
        Assert.Equal(SupervisorLifecycleState.Idle, await StateOfAsync(hcd));
        Assert.False(response.IsCompleted);
        Control.InitializeGate.SetResult();
        Assert.IsType<Completed>(await response);
    }

    [Fact]
    public async Task Submit_DuringFailingInitialize_RunsOnceARetrySucceeds()
    {
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Control.InitializeFailures = 1;
        var hcd = StartHcd();
        var response = CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete"));
        Assert.Equal(SupervisorLifecycleState.Idle, await StateOfAsync(hcd));
        Control.InitializeGate.SetResult();
        Assert.IsType<Completed>(await response);
        Assert.Equal(2, Control.Instances);
    }

    [Fact]
    public async Task Submit_WaitingWhenInitializeGivesUp_GetsAnAnswer()
    {
        Control.InitializeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 0 });
        var service = CommandServiceFactory.Make(hcd);
        var submit = service.SubmitAsync(Command("complete"));
        var oneway = service.OnewayAsync(Command("complete"));
        var validate = service.ValidateAsync(Command("complete"));
        Assert.Equal(SupervisorLifecycleState.Idle, await StateOfAsync(hcd));
        Control.InitializeGate.SetResult();
        Assert.Equal(CommandIssueKind.WrongInternalStateIssue, Assert.IsType<Invalid>(await submit).Issue.Kind);
        Assert.IsType<Invalid>(await oneway);
        Assert.IsType<Invalid>(await validate);
        Assert.Equal(0, Control.Oneways);
    }
}
