using Csw.Tests.Shared;
using Csw.Cli.Shell;

namespace Csw.Cli.Tests.Shell;

/// <summary>The shell's session and helpers in this process, with the samples started in it.</summary>
public sealed class ShellSessionTests : IAsyncLifetime
{
    private readonly CapturedOutput _output = new();

    private readonly ShellSession _session;

    private readonly ShellGlobals _globals;

    public ShellSessionTests()
    {
        _session = new ShellSession(locationServer: null, token: null, new ShellOutput(_output));
        _globals = new ShellGlobals(_session);
    }

    public Task InitializeAsync() => _globals.StartSamples();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task AdminHelpers_SampleInThisProcess_OfflineLockedAndBack()
    {
        Assert.Equal(Command.SupervisorLifecycleState.RunningOffline, await _globals.GoOffline("WFOS.red.filter"));
        Assert.Equal(Command.SupervisorLifecycleState.RunningOffline, await _globals.Status("WFOS.red.filter"));
        Assert.Equal(Command.SupervisorLifecycleState.Running, await _globals.GoOnline("WFOS.red.filter"));
        Assert.IsType<Command.LockingResponse.LockAcquired>(await _globals.Lock("WFOS.red.filter", 60));
        var other = await _globals.Hcd("WFOS.red.filter");
        Assert.IsType<Params.Locked>(await other.SubmitAsync(new Params.Setup(Params.Prefix.Parse("WFOS.other"), "move")));
        Assert.IsType<Command.LockingResponse.LockReleased>(await _globals.Unlock("WFOS.red.filter"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, (await _globals.LogLevel("WFOS.red.filter", "debug")).Level);
    }

    [Fact]
    public async Task Subscribe_MoveThenDispose_StatesPrintedThenStopped()
    {
        var hcd = await _globals.Hcd("WFOS.blue.filter");
        var watch = _globals.Subscribe(hcd, "position");
        await hcd.SubmitAndWaitAsync(_globals.Setup("move", _globals.Int("target", 2)));
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("CurrentState WFOS.blue.filter position: position=2, target=2, moving=false", _output.Lines));
        await watch.DisposeAsync();
        Assert.False(watch.IsRunning);
        Assert.Contains("(stopped watching CurrentState position)", _output.Lines);
    }

    [Fact]
    public async Task Subscribe_NameNeverPublished_WarnsListingWhatWas()
    {
        var hcd = await _globals.Hcd("WFOS.blue.filter");
        _globals.UnseenStateWarning = TimeSpan.Zero;
        await using var watch = _globals.Subscribe(hcd, "postion");
        await TestWaits.AwaitAssertAsync(() => Assert.Contains(_output.Lines, line => line.StartsWith("(Subscribe: no CurrentState 'postion' in 0 s", StringComparison.Ordinal)));
    }

    [Fact]
    public void Watch_NotInTheCluster_SaysHowToJoinIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _globals.Watch("WFOS"));
        Assert.Equal("Watch needs the cluster: start csw shell with --cluster-seeds (or $CLUSTER_SEEDS).", e.Message);
    }

    [Fact]
    public void UnseenStateWarning_Negative_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _globals.UnseenStateWarning = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task Interrupt_WatchesRunning_AllStopAndAwaitingThemReturns()
    {
        var hcd = await _globals.Hcd("WFOS.red.filter");
        var states = _globals.Subscribe(hcd);
        var locations = _globals.Track("WFOS.filter.assembly");
        await TestWaits.AwaitAssertAsync(() => Assert.Contains(_output.Lines, line => line.StartsWith("updated  WFOS.filter.assembly-Assembly-pekko", StringComparison.Ordinal)));
        var submission = _session.Cancellation;
        _session.Interrupt();
        await Task.WhenAll(Awaited(states), Awaited(locations)).WaitAsync(TimeSpan.FromSeconds(10));
        await TestWaits.AwaitAssertAsync(() => Assert.True(submission.IsCancellationRequested));
        Assert.Contains("(stopped watching locations of WFOS.filter.assembly)", _output.Lines);
        _session.Rearm();
        Assert.False(_session.Cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task Assembly_PrefixOfAnHcd_SaysWhichHelperToUse()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _globals.Assembly("WFOS.blue.filter"));
        Assert.Equal("WFOS.blue.filter is registered as HCD, not Assembly: try Hcd(\"WFOS.blue.filter\").", error.Message);
    }

    [Fact]
    public void Track_UnknownComponentType_ArgumentErrorListingTypes()
    {
        var error = Assert.Throws<ArgumentException>(() => _globals.Track("WFOS.blue.filter", "wheel"));
        Assert.Contains("not a component type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_CtrlCDuringASubmissionThatIgnoresIt_StateBeforeKept()
    {
        var repl = new ShellRepl(_session, new PipedInput(TextReader.Null));
        Assert.True(await repl.EvaluateAsync("var x = 41;"));
        var stuck = repl.EvaluateAsync("Print(\"waiting\"); await Task.Delay(-1);");
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("waiting", _output.Lines));
        _session.Interrupt();
        Assert.False(await stuck.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(_output.Lines, line => line.StartsWith("(stopped by Ctrl+C", StringComparison.Ordinal));
        Assert.True(await repl.EvaluateAsync("x + 1"));
        Assert.Equal("42", _output.Lines[^2]);
    }

    private static async Task Awaited(ShellWatch watch) => await watch;
}
