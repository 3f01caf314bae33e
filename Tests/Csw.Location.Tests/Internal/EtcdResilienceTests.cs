using System.Diagnostics;
using Csw.Location.Internal.Etcd;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Location.Tests.Internal;

/// <summary>What only the etcd backend promises: several processes, crashes, etcd restarts and member failures.</summary>
public sealed class EtcdResilienceTests : IAsyncLifetime
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));
    private static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/user/wheel?uid=1"));
    private static readonly PekkoRegistration WheelElsewhere = new(Wheel, new Uri("csw://elsewhere/user/wheel?uid=2"));

    private readonly List<IAsyncDisposable> _owned = [];

    private EtcdProcess _etcd = null!;

    public async Task InitializeAsync()
    {
        _etcd = await EtcdProcess.StartAsync();
        _owned.Add(_etcd);
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoInstances_OneRegisters_TheOtherFindsItAndCannotRegisterAnotherLocation()
    {
        var options = new EtcdLocationOptions([_etcd.ClientUrl]);
        var (first, second) = (Service(options), Service(options));
        await first.RegisterAsync(WheelHere);
        Assert.Equal(WheelHere.ToLocation("127.0.0.1"), await second.FindAsync(Wheel));
        await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => second.RegisterAsync(WheelElsewhere));
    }

    [Fact]
    public async Task Crash_OwnerStopsKeepingItsLeaseAlive_OtherInstanceSeesLocationRemovedWithinTheTtl()
    {
        var options = new EtcdLocationOptions([_etcd.ClientUrl]).WithLeaseTtl(TimeSpan.FromSeconds(1));
        var (owner, watcher) = ((EtcdLocationService)Service(options), Service(options));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        await owner.Lease.AbandonAsync();
        var clock = Stopwatch.StartNew();
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        // etcd checks expiry twice a second, so a 1 s lease is gone within about 2 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"removed after {clock.Elapsed}");
    }

    [Fact]
    public async Task Dispose_Owner_RegistrationsGoAtOnceAndTrackersAreTold()
    {
        var options = new EtcdLocationOptions([_etcd.ClientUrl]).WithLeaseTtl(TimeSpan.FromSeconds(30));
        var (owner, watcher) = (Service(options), Service(options));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        await ((IAsyncDisposable)owner).DisposeAsync();
        // Long before the 30 s lease would run out: the lease was revoked.
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
    }

    [Fact]
    public async Task EtcdRestart_WithItsData_TrackingResumesAndRegistrationsStay()
    {
        var options = new EtcdLocationOptions([_etcd.ClientUrl]);
        var (owner, watcher) = (Service(options), Service(options));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        await _etcd.RestartAsync();
        await owner.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await owner.RegisterAsync(WheelElsewhere);
        Assert.Equal(new LocationUpdated(WheelElsewhere.ToLocation("127.0.0.1")), await NextAsync(changes));
    }

    [Fact]
    public async Task EtcdLosesEverything_NewEtcdOnTheSamePort_OwnerPutsItsRegistrationsBack()
    {
        var options = new EtcdLocationOptions([_etcd.ClientUrl]).WithLeaseTtl(TimeSpan.FromSeconds(1));
        var owner = Service(options);
        await owner.RegisterAsync(WheelHere);
        var watcher = Service(options);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        await _etcd.WipeAndRestartAsync();
        // The owner's lease is unknown to the new etcd: it takes a new one and registers again;
        // the tracker, which may or may not have seen the gap, ends up seeing the location.
        await TestWaits.AwaitAssertAsync(async () => Assert.NotNull(await watcher.FindAsync(Wheel)), TestTime.DefaultTimeout * 2);
        TrackingEvent last;
        do
        {
            last = await NextAsync(changes);
        }
        while (last is not LocationUpdated);
        Assert.Equal(new LocationUpdated(WheelHere.ToLocation("127.0.0.1")), last);
    }

    [Fact]
    public async Task Cluster_OneOfThreeMembersKilled_RegistrationAndTrackingGoOn()
    {
        var members = await EtcdProcess.StartClusterAsync(3);
        _owned.AddRange(members);
        var options = new EtcdLocationOptions([.. members.Select(member => member.ClientUrl)]);
        var (owner, watcher) = (Service(options), Service(options));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        await owner.RegisterAsync(WheelHere);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        await members[0].KillAsync();
        await owner.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await owner.RegisterAsync(WheelElsewhere);
        Assert.Equal(new LocationUpdated(WheelElsewhere.ToLocation("127.0.0.1")), await NextAsync(changes));
        Assert.NotNull(await Service(options).FindAsync(Wheel));
    }

    [Fact]
    public async Task NoEtcd_Request_ClearErrorNamingTheEndpoints()
    {
        var service = Service(new EtcdLocationOptions([new Uri("http://127.0.0.1:1")]).WithRequestTimeout(TimeSpan.FromSeconds(1)));
        var error = await Assert.ThrowsAnyAsync<LocationServiceException>(() => service.FindAsync(Wheel));
        Assert.Contains("127.0.0.1:1", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.5:2379,10.0.0.6:2379", "http://10.0.0.5:2379/,http://10.0.0.6:2379/")]
    [InlineData(" http://a:1 , b:2 ", "http://a:1/,http://b:2/")]
    public void FromClusterSeeds_HostPortList_Endpoints(string seeds, string expected) =>
        Assert.Equal(expected, string.Join(",", EtcdLocationOptions.FromClusterSeeds(seeds).Endpoints));

    [Theory]
    [InlineData("")]
    [InlineData("nohostport")]
    public void FromClusterSeeds_Invalid_FormatException(string seeds) =>
        Assert.Throws<FormatException>(() => EtcdLocationOptions.FromClusterSeeds(seeds));

    private ILocationService Service(EtcdLocationOptions options)
    {
        var service = LocationServiceFactory.CreateEtcd(options.WithKeyPrefix("/resilience/"));
        _owned.Add((IAsyncDisposable)service);
        return service;
    }

    private static async Task<TrackingEvent> NextAsync(IAsyncEnumerator<TrackingEvent> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(TestTime.DefaultTimeout * 2), "the tracking stream ended");
        return changes.Current;
    }
}
