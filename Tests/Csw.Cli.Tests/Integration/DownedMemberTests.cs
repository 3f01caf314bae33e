using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Actor;
using Csw.Cli.Tests.Support;
using Csw.Location;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Integration;

/// <summary>
/// Frozen members (SIGSTOP) as keep-oldest handles them, with real <c>csw</c> processes: the oldest
/// seed stays, a second seed, a container and a watch are frozen, the others down them and remove the
/// container's locations; continued (SIGCONT), each learns it was downed and exits 3, saying so,
/// for its supervisor to start it again, rather than go on as a member nobody sees.
/// </summary>
public sealed class DownedMemberTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly ComponentId Wheel = new(Prefix.Parse("WFOS.blue.filter"), ComponentType.HCD);

    private readonly CswProcesses _processes = new();

    private readonly List<IAsyncDisposable> _disposables = [];

    private readonly int _oldestPort = EtcdProcess.FreePort();

    private string _location = "";

    private CswProcess _seed = null!;

    private string _seedAddress = "";

    private CswProcess _container = null!;

    private CswProcess _watch = null!;

    private ActorSystem? _observer;

    public async Task InitializeAsync()
    {
        var oldest = Keep(CswProcess.Start(["location-server", "--port", "0", "--cluster-port", _oldestPort.ToString(CultureInfo.InvariantCulture)]));
        _location = CswProcess.UriIn(await oldest.WaitForLineAsync("Location server listening on ")).ToString();
        var seeds = $"127.0.0.1:{_oldestPort.ToString(CultureInfo.InvariantCulture)}";
        _seed = Keep(CswProcess.Start(["location-server", "--port", "0", "--cluster-port", "0", "--cluster-seeds", seeds]));
        _seedAddress = Regex.Match(await _seed.WaitForLineAsync("Joining the cluster as "), @"akka\.tcp://\S+").Value;
        await _seed.WaitForLineAsync("Location server listening on ");
        _container = Keep(CswProcess.Start(["container", WfosDeployment.Config("wfos-hcds.conf"), "--cluster-seeds", seeds]));
        await _container.WaitForLineAsync("Container WfosHcds running");
        _watch = Keep(CswProcess.Start(["watch", "WFOS", "--cluster-seeds", seeds]));
        await _watch.WaitForLineAsync("Watching WFOS");
        // This process as one more member, to see when the cluster has removed the frozen seed.
        var settings = ClusterSettings.Default.WithPort(0).WithSeeds(seeds);
        _observer = ActorSystem.Create(settings.SystemName, Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(settings.ToConfig()));
        // Up, not only joining: with the two frozen, the oldest must not be alone on its side, or
        // keep-oldest (down-if-alone) would down the oldest and keep the frozen two.
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(_observer).RegisterOnMemberUp(up.SetResult);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await TestWaits.AwaitAssertAsync(() => Assert.Contains(Members(), member => member == _seedAddress), TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }
        if (_observer is not null)
        {
            await _observer.Terminate();
        }
        // What each process said, to explain a failure.
        output.WriteLine(_processes.Outputs);
        await _processes.DisposeAsync();
    }

    [Fact]
    public async Task SeedContainerAndWatch_FrozenThenContinued_DownedThenEachExitsThreeSayingSo()
    {
        var service = LocationServiceFactory.CreateHttpClient(new Uri(_location));
        _disposables.Add((IAsyncDisposable)service);
        Assert.NotNull(await service.FindAsync(Connection.Pekko(Wheel)));

        await _seed.FreezeAsync();
        await _container.FreezeAsync();
        await _watch.FreezeAsync();

        // The oldest's side keeps going: it downs both, and the container's locations go with it.
        await TestWaits.AwaitAssertAsync(async () => Assert.Null(await service.FindAsync(Connection.Pekko(Wheel))), TimeSpan.FromSeconds(30));
        await TestWaits.AwaitAssertAsync(() => Assert.DoesNotContain(Members(), member => member == _seedAddress), TimeSpan.FromSeconds(30));

        await _seed.ThawAsync();
        await _container.ThawAsync();
        await _watch.ThawAsync();

        Assert.Equal(3, await _container.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Container WfosHcds was removed from the cluster: the other members downed it", _container.Output);
        Assert.Equal(3, await _seed.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"This location server ({_seedAddress}) was removed from the cluster", _seed.Output);
        Assert.Equal(3, await _watch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("This watch (akka.tcp://csw-system@127.0.0.1:", _watch.Output);
        // The oldest serves on.
        Assert.Empty(await service.ListAsync(ConnectionType.Pekko));
    }

    /// <summary>The addresses of the members the observer sees up or joining, unreachable ones included.</summary>
    private IReadOnlyList<string> Members() =>
        [.. Akka.Cluster.Cluster.Get(_observer!).State.Members.Select(member => member.Address.ToString())];

    private CswProcess Keep(CswProcess process) => _processes.Keep(process);
}
