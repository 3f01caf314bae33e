using System.Diagnostics;
using Csw.Cli.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Integration;

/// <summary>
/// The deployment of docs/Deployment.md as real processes: etcd, a location server over it, and
/// two containers registering in etcd; commands cross processes and a killed container is noticed.
/// </summary>
public sealed class DistributedDeploymentTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    private string _seeds = "";

    private string _location = "";

    public async Task InitializeAsync()
    {
        var etcd = await EtcdProcess.StartAsync();
        _owned.Add(etcd);
        _seeds = $"127.0.0.1:{etcd.ClientUrl.Port}";
        var server = Start("location-server", "--port", "0", "--etcd", _seeds);
        _location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoContainers_AssemblyCommandsHcdsInTheOtherProcess_KillNineSeenWithinFiveSecondsAndRestartSeen()
    {
        var hcds = Start("container", WfosDeployment.Config("wfos-hcds.json"), "--etcd", _seeds);
        var assembly = Start("container", WfosDeployment.Config("wfos-assembly.json"), "--etcd", _seeds);
        await hcds.WaitForLineAsync("Container WfosHcds running");
        await assembly.WaitForLineAsync("Container WfosAssembly running");

        // Through the location server (which reads etcd) to the assembly, which commands both wheels in the other process.
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.filter.assembly", "configure", "target:int=4", "--location", _location);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Completed", output);

        var tracker = Start("location", "track", "WFOS.blue.filter", "--location", _location);
        await tracker.WaitForLineAsync("updated  WFOS.blue.filter-HCD-http");

        await hcds.KillAsync();
        var clock = Stopwatch.StartNew();
        // The container's lease runs out (2 s TTL): CSW's goal for crash detection is 5 s.
        await tracker.WaitForLineAsync("removed  WFOS.blue.filter-HCD-http", TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"noticed after {clock.Elapsed}");

        var again = Start("container", WfosDeployment.Config("wfos-hcds.json"), "--etcd", _seeds);
        await again.WaitForLineAsync("Container WfosHcds running");
        await tracker.WaitForLinesAsync("updated  WFOS.blue.filter-HCD-http", 2);
        var retry = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "target:int=1", "--location", _location);
        Assert.True(retry.ExitCode == 0, retry.Output);
        // The assembly, tracking its wheels, found the restarted ones at their new addresses.
        var throughAssembly = await CswProcess.RunAsync("submit", "WFOS.filter.assembly", "configure", "target:int=2", "--location", _location);
        Assert.True(throughAssembly.ExitCode == 0, throughAssembly.Output);

        // A clean stop unregisters at once.
        Assert.Equal(0, await again.InterruptAsync());
        await tracker.WaitForLinesAsync("removed  WFOS.blue.filter-HCD-http", 2);
    }

    private CswProcess Start(params string[] arguments)
    {
        var process = CswProcess.Start(arguments);
        _owned.Add(process);
        return process;
    }
}
