using Csw.Cli.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Commands;

/// <summary>Bad cluster settings and seeds nobody answers at: what each kind of process says and does.</summary>
public sealed class ClusterUsageTests
{
    [Fact]
    public async Task LocationServer_ClusterSeedsVariableEntryNotHostPort_UsageExitTwoNamingTheEntry()
    {
        await using var server = CswProcess.Start(["location-server", "--port", "0"], new Dictionary<string, string> { ["CLUSTER_SEEDS"] = "127.0.0.1:3552,10.0.0.6" });
        Assert.Equal(2, await server.WaitForExitAsync());
        Assert.Contains("$CLUSTER_SEEDS: '10.0.0.6' in the cluster seeds is not host:port (e.g. 10.0.0.5:3552).", server.Output);
    }

    [Fact]
    public async Task Container_ClusterSeedsOptionEntryNotHostPort_UsageExitTwoNamingTheEntry()
    {
        var (exitCode, output) = await CswProcess.RunAsync("container", WfosDeployment.Config("wfos-hcds.conf"), "--cluster-seeds", "127.0.0.1:3552,seed-two:35x2");
        Assert.Equal(2, exitCode);
        Assert.Contains("'seed-two:35x2' in the cluster seeds is not host:port", output);
    }

    [Fact]
    public async Task Container_ClusterSeedsAndLocation_UsageExitTwoSayingGiveOne()
    {
        var (exitCode, output) = await CswProcess.RunAsync("container", WfosDeployment.Config("wfos-hcds.conf"), "--cluster-seeds", "127.0.0.1:3552", "--location", "http://127.0.0.1:7654");
        Assert.Equal(2, exitCode);
        Assert.Contains("Give one of --cluster-seeds, --location", output);
    }

    [Fact]
    public async Task Watch_NoSeedAnswers_UnavailableExitThreeAfterTheStatedTimeNamingTheSeeds()
    {
        var seed = $"127.0.0.1:{EtcdProcess.FreePort()}";
        var (exitCode, output) = await CswProcess.RunAsync("watch", "WFOS", "--cluster-seeds", seed, "--join-timeout", "2");
        Assert.Equal(3, exitCode);
        Assert.Contains($"Could not join the cluster within 2 s: no answer from the seeds {seed}.", output);
    }

    [Fact]
    public async Task Submit_ClusterSeedsNobodyAnswers_UnavailableExitThreeAfterTheStatedTime()
    {
        var seed = $"127.0.0.1:{EtcdProcess.FreePort()}";
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "target:int=1", "--cluster-seeds", seed, "--join-timeout", "1");
        Assert.Equal(3, exitCode);
        Assert.Contains($"Could not join the cluster within 1 s: no answer from the seeds {seed}.", output);
    }

    [Fact]
    public async Task Watch_UnknownSubsystem_UsageExitTwo()
    {
        var (exitCode, output) = await CswProcess.RunAsync("watch", "WFOZ", "--cluster-seeds", $"127.0.0.1:{EtcdProcess.FreePort()}");
        Assert.Equal(2, exitCode);
        Assert.Contains("'WFOZ' is not a subsystem", output);
    }

    [Fact]
    public async Task LocationServer_NoSeedAnswers_SaysWhichSeedsItTriesAndKeepsTrying()
    {
        var seed = $"127.0.0.1:{EtcdProcess.FreePort()}";
        await using var server = CswProcess.Start(["location-server", "--port", "0", "--cluster-seeds", seed]);
        await server.WaitForLineAsync($"Not in the cluster after 5 s: no answer from the seeds {seed}; still trying.");
        Assert.False(server.HasExited);
        Assert.Equal(0, await server.InterruptAsync());
    }

    [Fact]
    public async Task Container_NoSeedAnswers_SaysWhichSeedsItTriesAndKeepsTrying()
    {
        var seed = $"127.0.0.1:{EtcdProcess.FreePort()}";
        await using var container = CswProcess.Start(["container", WfosDeployment.Config("wfos-hcds.conf"), "--cluster-seeds", seed]);
        await container.WaitForLineAsync($"Not in the cluster after 5 s: no answer from the seeds {seed}; still trying");
        Assert.False(container.HasExited);
        Assert.Equal(0, await container.InterruptAsync());
    }
}
