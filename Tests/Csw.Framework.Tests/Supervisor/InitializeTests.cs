using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests.Supervisor;

public sealed class InitializeTests : FrameworkTestBase
{
    /// <summary>Retries at once: these tests are about what is retried, <see cref="InitializeBackoffTests"/> about when.</summary>
    private static readonly ComponentOptions NoBackoff = ComponentOptions.Default with { InitializeBackoff = RetryBackoff.None };

    [Fact]
    public async Task Initialize_ThrowsTwice_RetriedWithFreshInstancesUntilRunning()
    {
        Control.InitializeFailures = 2;
        var hcd = StartHcd(options: NoBackoff);
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.Equal(3, Control.Instances);
        Assert.Equal(2, Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Exception?.Message.StartsWith("initialize failure") == true));
    }

    [Fact]
    public async Task Initialize_KeepsThrowing_ShutsDownAfterThreeRestarts()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: NoBackoff);
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
        var hcd = StartHcd(options: NoBackoff with { MaxInitializeRestarts = 1 });
        await ExpectStoppedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_Hangs_TimeoutCountsAsFailure()
    {
        Control.InitializeHangs = true;
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, NoBackoff with { MaxInitializeRestarts = 1 });
        await ExpectStoppedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
        // A timeout is told in words, without a stack trace that would point into the framework.
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is null && e.Message.Contains("InitializeAsync did not finish within 0.05 s"));
    }

    [Fact]
    public async Task Initialize_FailsAfterARestart_CountedAfreshFromTheSuccess()
    {
        // One failure, a success, a Restart, one more failure: two in all, but never two in a row.
        Control.InitializeFailures = 1;
        var hcd = StartHcd(options: NoBackoff with { MaxInitializeRestarts = 1 });
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Control.InitializeFailures = 3;
        hcd.Tell(new SupervisorMessage.Restart());
        await AwaitAssertAsync(() => Assert.Equal(4, Control.InitializeAttempts));
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
    }

    [Fact]
    public async Task Initialize_Throws_LoggedWithTheExceptionAndTheAttempt()
    {
        Control.InitializeFailures = 1;
        var hcd = StartHcd(options: NoBackoff);
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        var entry = Assert.Single(Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("initialize failure 1", entry.Exception?.Message);
        Assert.Equal($"HCD {TestHcd.Prefix} failed to initialize (attempt 1 of 4); trying again in 0 s with a fresh handlers instance. InitializeAsync threw:", entry.Message);
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
        var hcd = StartHcd(options: NoBackoff);
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

    [Fact]
    public async Task Shutdown_WhileWaitingToRetry_StopsAtOnce()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { InitializeBackoff = new RetryBackoff { Min = TimeSpan.FromHours(1), Max = TimeSpan.FromHours(1), RandomFactor = 0 } });
        await AwaitAssertAsync(() => Assert.Contains(Logs.Entries, e => e.Message.Contains("trying again in 3600")));
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        Assert.Equal(1, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Shutdown_WhileInitializeHangs_StopsAtOnceAndCancelsIt()
    {
        Control.InitializeHangs = true;
        var hcd = StartHcd(new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromHours(1) });
        await AwaitAssertAsync(() => Assert.Equal(1, Control.InitializeAttempts));
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        await AwaitAssertAsync(() => Assert.Equal(1, Control.InitializeCancellations));
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Shutdown_Twice_TheSecondIgnoredWithoutAWarning()
    {
        var hcd = await StartRunningHcdAsync();
        hcd.Tell(new SupervisorMessage.Shutdown());
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
