using System.Net;
using System.Net.Sockets;
using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Commands;

/// <summary>
/// An operator working on components of another process: csw offline, online, lock, unlock,
/// restart, log-level and status against the filter wheel HCDs in a container process, and the
/// container's metrics read from its Prometheus scrape.
/// </summary>
public sealed class OperationsCommandTests(OperationsCommandTests.Deployment deployment) : IClassFixture<OperationsCommandTests.Deployment>
{
    [Fact]
    public async Task Offline_ComponentInAnotherProcess_RunningOfflineUntilOnline()
    {
        var offline = await Csw("offline", "WFOS.blue.filter");
        Assert.True(offline.ExitCode == 0, offline.Output);
        Assert.Contains("WFOS.blue.filter  RunningOffline", offline.Output);
        Assert.Contains("RunningOffline", (await Csw("status", "WFOS.blue.filter")).Output);
        // The sample HCD refuses to move while offline.
        var refused = await Csw("submit", "WFOS.blue.filter", "move", "target:int=2");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("offline", refused.Output);

        var online = await Csw("online", "WFOS.blue.filter");
        Assert.True(online.ExitCode == 0, online.Output);
        Assert.Contains("WFOS.blue.filter  Running", online.Output);
        Assert.Equal(0, (await Csw("submit", "WFOS.blue.filter", "move", "target:int=2")).ExitCode);
    }

    [Fact]
    public async Task Lock_ByAnOperator_OtherSourcesGetLockedUntilTheOperatorUnlocks()
    {
        var locked = await Csw("lock", "WFOS.red.filter", "--source", "CSW.ops", "--lease", "600");
        Assert.True(locked.ExitCode == 0, locked.Output);
        Assert.Contains("LockAcquired WFOS.red.filter", locked.Output);

        var refused = await Csw("submit", "WFOS.red.filter", "move", "target:int=1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches("Locked [0-9a-f-]{36}", refused.Output);
        var notOwner = await Csw("unlock", "WFOS.red.filter");
        Assert.Equal(1, notOwner.ExitCode);
        Assert.Contains("ReleasingLockFailed", notOwner.Output);

        Assert.Contains("LockReleased", (await Csw("unlock", "WFOS.red.filter", "--source", "CSW.ops")).Output);
        Assert.Equal(0, (await Csw("submit", "WFOS.red.filter", "move", "target:int=1")).ExitCode);
    }

    [Fact]
    public async Task Restart_ComponentInAnotherProcess_RunningAgainAndServing()
    {
        var restarted = await Csw("restart", "WFOS.blue.filter");
        Assert.True(restarted.ExitCode == 0, restarted.Output);
        Assert.Contains("WFOS.blue.filter  Running", restarted.Output);
        Assert.Equal(0, (await Csw("submit", "WFOS.blue.filter", "move", "target:int=4")).ExitCode);
    }

    [Fact]
    public async Task LogLevel_ChangedWhileRunning_StatusSaysSo()
    {
        var changed = await Csw("log-level", "WFOS.red.filter", "debug");
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("log level DEBUG (default INFO)", changed.Output);
        Assert.Contains("Running  log level DEBUG", (await Csw("status", "WFOS.red.filter")).Output);
        // The container logs JSON (--log-format json): the change, in the component's category, with its scope.
        var entry = await deployment.Hcds!.WaitForLineAsync(@"log level Information -\u003E Debug");
        Assert.StartsWith("{", entry);
        Assert.Contains("\"Category\":\"Csw.Component.WFOS.red.filter\"", entry);
        Assert.Contains("\"Component\":\"WFOS.red.filter\"", entry);
        Assert.Contains("log level INFO", (await Csw("log-level", "WFOS.red.filter", "info")).Output);
    }

    [Fact]
    public async Task Metrics_ScrapedFromTheContainer_CountCommandsByComponentAndOutcome()
    {
        Assert.Equal(0, (await Csw("submit", "WFOS.red.filter", "move", "target:int=5")).ExitCode);
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{deployment.MetricsPort}/metrics");
        Assert.Matches("""csw_commands_total\{[^}]*csw_component="WFOS.red.filter"[^}]*csw_outcome="Completed"[^}]*\} [1-9]""", text);
        Assert.Contains("csw_command_duration_seconds_bucket", text);
        Assert.Contains("csw_location_registrations", text);
    }

    [Fact]
    public async Task Status_UnknownComponent_ExitOneNamingTheNearest()
    {
        var missing = await Csw("status", "WFOS.blue.filtr");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Did you mean WFOS.blue.filter", missing.Output);
    }

    private Task<(int ExitCode, string Output)> Csw(params string[] arguments) => CswProcess.RunAsync([.. arguments, "--location", deployment.Location]);

    /// <summary>A location server and the HCD container, serving a Prometheus scrape.</summary>
    public sealed class Deployment : IAsyncLifetime
    {
        private readonly CswProcesses _processes = new();

        public string Location { get; private set; } = "";

        public int MetricsPort { get; } = FreePort();

        public CswProcess? Hcds { get; private set; }

        public async Task InitializeAsync()
        {
            var server = Keep(CswProcess.Start(["location-server", "--port", "0"]));
            Location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
            Hcds = Keep(CswProcess.Start(["container", WfosDeployment.Config("wfos-hcds.json"), "--location", Location, "--metrics-port", MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-format", "json"]));
            await Hcds.WaitForLineAsync("Container WfosHcds running");
        }

        public async Task DisposeAsync()
        {
            await _processes.DisposeAsync();
        }

        private CswProcess Keep(CswProcess process) => _processes.Keep(process);

        // HttpListener takes no port 0: a port free a moment ago is taken.
        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
