using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests;

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
        var watcher = CreateProbe<object>();
        await watcher.ExpectTerminatedAsync(hcd);
        Assert.Equal(4, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_ConfiguredRestarts_AreHonoured()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 1 });
        await CreateProbe<object>().ExpectTerminatedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
    }

    [Fact]
    public async Task Initialize_Hangs_TimeoutCountsAsFailure()
    {
        Control.InitializeHangs = true;
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.HCD) { InitializeTimeout = TimeSpan.FromMilliseconds(50) };
        var hcd = StartHcd(info, ComponentOptions.Default with { MaxInitializeRestarts = 1 });
        await CreateProbe<object>().ExpectTerminatedAsync(hcd);
        Assert.Equal(2, Control.InitializeAttempts);
        Assert.Contains(Logs.Entries, e => e.Exception is TimeoutException timeout && timeout.Message.Contains("did not finish initializing"));
    }

    [Fact]
    public async Task Submit_DuringInitialize_RunsOnceRunning()
    {
        Control.InitializeFailures = 1;
        var hcd = StartHcd();
        var response = await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete"));
        Assert.IsType<Completed>(response);
    }

    [Fact]
    public async Task Submit_WaitingWhenInitializeGivesUp_GetsAnAnswer()
    {
        Control.InitializeFailures = int.MaxValue;
        var hcd = StartHcd(options: ComponentOptions.Default with { MaxInitializeRestarts = 0 });
        var response = await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete"));
        var invalid = Assert.IsType<Invalid>(response);
        Assert.Equal(CommandIssueKind.WrongInternalStateIssue, invalid.Issue.Kind);
    }
}
