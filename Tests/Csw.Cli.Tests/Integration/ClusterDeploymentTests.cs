using System.Diagnostics;
using Csw.Cli.Tests.Support;
using Csw.Location;
using Csw.Tests.Shared;
using Xunit.Abstractions;

namespace Csw.Cli.Tests.Integration;

/// <summary>
/// The Akka.Cluster deployment as real <c>csw</c> processes (<see cref="ClusterDeployment"/>): three
/// seeds, two containers and a watch. Commands cross containers over Akka.Remote; killed containers
/// and seeds are noticed; a restarted container registers again. Clients outside the cluster use a
/// seed's HTTP API — the second seed's, since one test kills the first.
/// </summary>
[Collection(ClusterDeploymentCollection.Name)]
public sealed class ClusterDeploymentTests(ClusterDeployment deployment, ITestOutputHelper output) : IClassFixture<ClusterDeployment>
{
    /// <summary>How soon a crashed container's locations must be gone (the issue's bound).</summary>
    private static readonly TimeSpan CrashBound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The target of the next configure: each one moves the wheels, so that they publish.</summary>
    private static int _target;

    private string Location => deployment.Locations[1];

    [Fact]
    public async Task Submit_AssemblyAndWheelsInTwoContainers_CompletesWithTheWheelsCommandedOverAkkaRemote()
    {
        var (listed, locations) = await CswProcess.RunAsync("location", "list", "--connection-type", "pekko", "--location", Location);
        Assert.True(listed == 0, locations);
        // The wheels' pekko connections are actor paths in the member's actor system, reached over Akka.Remote.
        Assert.Matches(@"WFOS\.blue\.filter-HCD-pekko\s+pekko\s+akka\.tcp://csw-system@127\.0\.0\.1:\d+/user/WFOS\.blue\.filter#", locations);
        Assert.Matches(@"WFOS\.filter\.assembly-Assembly-pekko\s+pekko\s+akka\.tcp://csw-system@127\.0\.0\.1:\d+/user/WFOS\.filter\.assembly#", locations);

        var (exitCode, submitted) = await ConfigureAsync();
        Assert.True(exitCode == 0, submitted);
        Assert.Matches("Completed [0-9a-f-]{36}", submitted);
    }

    [Fact]
    public async Task FindAndSubmit_ClientsJoiningTheCluster_FindAndCommandOverAkkaRemote()
    {
        var (found, where) = await CswProcess.RunAsync("location", "find", "WFOS.red.filter", "--connection-type", "pekko", "--cluster-seeds", deployment.Seeds);
        Assert.True(found == 0, where);
        Assert.Matches(@"WFOS\.red\.filter-HCD-pekko\s+akka\.tcp://csw-system@", where);

        var (exitCode, submitted) = await CswProcess.RunAsync("submit", "WFOS.red.filter", "move", $"target:int={(Interlocked.Increment(ref _target) % 7) + 1}", "--cluster-seeds", deployment.Seeds);
        Assert.True(exitCode == 0, submitted);
        Assert.Matches("Completed [0-9a-f-]{36} result: position=", submitted);
    }

    [Fact]
    public async Task Admin_ClientJoiningTheCluster_TakesAWheelOfflineAndBackOverAkkaRemote()
    {
        var (offline, wentOffline) = await CswProcess.RunAsync("offline", "WFOS.red.filter", "--cluster-seeds", deployment.Seeds);
        Assert.True(offline == 0, wentOffline);
        Assert.Contains("WFOS.red.filter  RunningOffline", wentOffline);

        var (status, state) = await CswProcess.RunAsync("status", "WFOS.red.filter", "--cluster-seeds", deployment.Seeds);
        Assert.True(status == 0, state);
        Assert.Contains("WFOS.red.filter  RunningOffline", state);

        var (online, wentOnline) = await CswProcess.RunAsync("online", "WFOS.red.filter", "--cluster-seeds", deployment.Seeds);
        Assert.True(online == 0, wentOnline);
        Assert.Contains("WFOS.red.filter  Running", wentOnline);
    }

    [Fact]
    public async Task Shell_JoinsTheCluster_CommandsAWheelOverAkkaRemote()
    {
        var input = $"""
            var hcd = await Hcd("WFOS.blue.filter");
            hcd
            await hcd.SubmitAndWaitAsync(Setup("move", Int("target", {(Interlocked.Increment(ref _target) % 7) + 1})))
            """;
        await using var shell = CswProcess.Start(["shell", "--cluster-seeds", deployment.Seeds], standardInput: input + "\n");
        Assert.Equal(0, await shell.WaitForExitAsync(Patience * 2));
        Assert.Matches(@"\(command service of WFOS\.blue\.filter-HCD at akka\.tcp://csw-system@127\.0\.0\.1:\d+/user/WFOS\.blue\.filter#\d+, over Akka\.Remote\)", shell.Output);
        Assert.Matches("(?m)^Completed [0-9a-f-]{36} result: position=", shell.Output);
    }

    [Fact]
    public async Task Watch_ComponentsOfBothContainers_SeesTheirStates()
    {
        // Members learn of the watch's subscription through the cluster's gossip: configure until it has.
        await TestWaits.AwaitAssertAsync(async () =>
        {
            var (exitCode, submitted) = await ConfigureAsync();
            Assert.True(exitCode == 0, submitted);
            var watched = deployment.Watch.Output;
            Assert.Contains("CurrentState WFOS.blue.filter position: position=", watched);
            Assert.Contains("CurrentState WFOS.red.filter position: position=", watched);
            Assert.Contains("CurrentState WFOS.filter.assembly configuration: target=", watched);
        }, Patience, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Container_KilledNineThenRestarted_LocationsRemovedWithin5sThenRegisteredAgain()
    {
        var tracker = deployment.Keep(CswProcess.Start(["location", "track", "WFOS.blue.filter", "--connection-type", "pekko", "--location", Location]));
        await tracker.WaitForLineAsync("updated  WFOS.blue.filter-HCD-pekko");

        var clock = Stopwatch.StartNew();
        await deployment.Hcds.KillAsync();
        await tracker.WaitForLineAsync("removed  WFOS.blue.filter-HCD-pekko", CrashBound * 2);
        var detected = clock.Elapsed;
        output.WriteLine($"kill -9 of the container to its locations removed, as the tracker heard: {detected.TotalSeconds:0.00} s");
        Assert.True(detected < CrashBound, $"removed after {detected}:\n{deployment.Outputs}");
        // The container's other registrations go within the same bound; the location server read here
        // may hear of the removal a moment after the tracker did.
        var left = CrashBound - clock.Elapsed;
        await TestWaits.AwaitAssertAsync(
            async () => Assert.Null(await FindAsync(Connection.Http(new Params.ComponentId(Params.Prefix.Parse("WFOS.red.filter"), Params.ComponentType.HCD)))),
            left > TimeSpan.Zero ? left : TimeSpan.Zero,
            TimeSpan.FromMilliseconds(50));

        var watchedBefore = Count(deployment.Watch.Output, "CurrentState WFOS.blue.filter");
        deployment.Hcds = deployment.StartContainer("wfos-hcds.conf");
        await deployment.Hcds.WaitForLineAsync("Container WfosHcds running");
        await tracker.WaitForLinesAsync("updated  WFOS.blue.filter-HCD-pekko", 2);

        // The assembly, tracking its wheels, commands the new incarnations; the watch hears them.
        await TestWaits.AwaitAssertAsync(async () =>
        {
            var (exitCode, submitted) = await ConfigureAsync();
            Assert.True(exitCode == 0, submitted);
            Assert.True(Count(deployment.Watch.Output, "CurrentState WFOS.blue.filter") > watchedBefore, "the watch has heard nothing of the restarted wheel yet");
        }, Patience, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Seed_KilledNine_OthersGoOnWithTheRegistrations()
    {
        // The first seed started the cluster: it is the oldest member, and runs the registrar.
        await deployment.SeedProcesses[0].KillAsync();

        var (listed, locations) = await CswProcess.RunAsync("location", "list", "--location", Location);
        Assert.True(listed == 0, locations);
        Assert.Contains("WFOS.blue.filter-HCD-pekko", locations);
        Assert.Contains("WFOS.filter.assembly-Assembly-pekko", locations);
        var (exitCode, submitted) = await ConfigureAsync();
        Assert.True(exitCode == 0, submitted);

        // Once the next oldest has taken the registrar over, registrations go on too.
        var locationService = LocationServiceFactory.CreateHttpClient(new Uri(Location));
        await using var _ = (IAsyncDisposable)locationService;
        var probe = new HttpRegistration(Connection.Http(new Params.ComponentId(Params.Prefix.Parse("CSW.probe"), Params.ComponentType.Service)), 4242, "");
        await TestWaits.AwaitAssertAsync(async () => await (await locationService.RegisterAsync(probe)).UnregisterAsync(), Patience, TimeSpan.FromMilliseconds(200));
        Assert.False(deployment.SeedProcesses[1].HasExited || deployment.SeedProcesses[2].HasExited, deployment.Outputs);
    }

    private async Task<(int ExitCode, string Output)> ConfigureAsync() =>
        await CswProcess.RunAsync("submit", "WFOS.filter.assembly", "configure", $"target:int={(Interlocked.Increment(ref _target) % 7) + 1}", "--location", Location);

    private async Task<Location.Location?> FindAsync(Connection connection)
    {
        var service = LocationServiceFactory.CreateHttpClient(new Uri(Location));
        await using var _ = (IAsyncDisposable)service;
        return await service.FindAsync(connection);
    }

    private static int Count(string text, string part) => text.Split('\n').Count(line => line.Contains(part, StringComparison.Ordinal));
}
