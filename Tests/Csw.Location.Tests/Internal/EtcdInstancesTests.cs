using Csw.Tests.Shared;
using System.Diagnostics;
using System.Globalization;
using Csw.Location.Internal.Etcd;
using Csw.Location.Tests.Support;
using Csw.Params;
using static Csw.Location.Tests.Support.EtcdServices;

namespace Csw.Location.Tests.Internal;

/// <summary>Several service instances over one etcd, as several processes: sharing, conflicts, crashes, disposal, bad endpoints.</summary>
public sealed class EtcdInstancesTests(EtcdFixture etcd) : IClassFixture<EtcdFixture>, IAsyncLifetime
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));
    private static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/user/wheel?uid=1"));
    private static readonly PekkoRegistration WheelElsewhere = new(Wheel, new Uri("csw://elsewhere/user/wheel?uid=2"));

    private readonly EtcdServices _services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_OneInstanceRegisters_TheOtherFindsItAndCannotRegisterAnotherLocation()
    {
        var options = etcd.Options();
        var (first, second) = (_services.Create(options), _services.Create(options));
        await first.RegisterAsync(WheelHere);
        Assert.Equal(WheelHere.ToLocation("127.0.0.1"), await second.FindAsync(Wheel));
        var conflict = await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => second.RegisterAsync(WheelElsewhere));
        Assert.Contains("csw://here", conflict.Message);
        // The same location from the other instance is no conflict.
        await second.RegisterAsync(WheelHere);
    }

    [Fact]
    public async Task RegisterAsync_TwoInstancesRaceForEachConnection_ExactlyOneWinsEach()
    {
        var options = etcd.Options();
        var (first, second) = (_services.Create(options), _services.Create(options));
        var connections = Enumerable.Range(0, 10).Select(i => new PekkoConnection(new ComponentId(Prefix.Parse($"TCS.race{i}"), ComponentType.HCD))).ToList();

        var races = connections.Select(async connection =>
        {
            var here = Attempt(first, new PekkoRegistration(connection, new Uri("csw://first/user/x")));
            var there = Attempt(second, new PekkoRegistration(connection, new Uri("csw://second/user/x")));
            var outcomes = await Task.WhenAll(here, there);
            Assert.Single(outcomes, won => won is not null);
            Assert.Equal(outcomes.Single(won => won is not null), await first.FindAsync(connection));
        });
        await Task.WhenAll(races);

        static async Task<Location?> Attempt(ILocationService service, PekkoRegistration registration)
        {
            try
            {
                return (await service.RegisterAsync(registration)).Location;
            }
            catch (OtherLocationIsRegisteredException)
            {
                return null;
            }
        }
    }

    [Fact]
    public async Task Track_OwnerCrashes_OtherInstanceSeesLocationRemovedWithinTheLeaseTtl()
    {
        var options = etcd.Options();
        var owner = (EtcdLocationService)_services.Create(options);
        var watcher = _services.Create(options);
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        // A crash: keep-alives stop and the lease is never revoked (disposing now revokes nothing).
        await owner.Lease.AbandonAsync();
        var clock = Stopwatch.StartNew();
        await owner.DisposeAsync();
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        // etcd checks for expired leases twice a second and the last keep-alive may have been just now.
        var bound = options.LeaseTtl + TimeSpan.FromSeconds(2);
        Assert.True(clock.Elapsed < bound, $"removed after {clock.Elapsed}, beyond the lease TTL {options.LeaseTtl} and a 2 s margin");
        Assert.Null(await watcher.FindAsync(Wheel));
    }

    [Fact]
    public async Task DisposeAsync_Owner_LeaseRevokedRegistrationsGoAtOnceAndOwnTrackersEnd()
    {
        var options = etcd.Options().WithLeaseTtl(TimeSpan.FromSeconds(30));
        var (owner, watcher) = (_services.Create(options), _services.Create(options));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        await using var ownChanges = owner.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));
        Assert.IsType<LocationUpdated>(await NextAsync(ownChanges));

        await ((IAsyncDisposable)owner).DisposeAsync();
        // Long before the 30 s lease would run out: the lease was revoked.
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.False(await ownChanges.MoveNextAsync().AsTask().WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task LeaseLost_AfterAConflictingRegistrationFromTheOwner_TheFirstLocationIsPutBack()
    {
        var options = etcd.Options();
        var (owner, watcher) = ((EtcdLocationService)_services.Create(options), _services.Create(options));
        await owner.RegisterAsync(WheelHere);
        await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => owner.RegisterAsync(WheelElsewhere));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(new LocationUpdated(WheelHere.ToLocation("127.0.0.1")), await NextAsync(changes));

        // etcd loses the lease (as when the process was cut off for longer than the TTL): its keys go,
        // and the owner's keep-alive takes a new lease and puts back what it owns.
        var lease = await owner.Lease.IdAsync(CancellationToken.None);
        await EtcdPostAsync(etcd.Etcd.ClientUrl, "/v3/lease/revoke", new { ID = lease.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(WheelHere.ToLocation("127.0.0.1")), await NextAsync(changes));
    }

    [Fact]
    public async Task FindAsync_NoEtcdThere_ClearErrorNamingTheEndpoints()
    {
        var service = _services.Create(new EtcdLocationOptions([new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2")]).WithRequestTimeout(TimeSpan.FromSeconds(1)));
        var error = await Assert.ThrowsAnyAsync<LocationServiceException>(() => service.FindAsync(Wheel));
        Assert.Contains("No etcd member answered", error.Message);
        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.Contains("127.0.0.1:2", error.Message);
    }

    [Fact]
    public async Task RegisterAsync_NoEtcdThere_RegistrationFailedNamingTheConnectionAndEndpoint()
    {
        var service = _services.Create(new EtcdLocationOptions([new Uri("http://127.0.0.1:1")]).WithRequestTimeout(TimeSpan.FromSeconds(1)));
        var error = await Assert.ThrowsAsync<RegistrationFailedException>(() => service.RegisterAsync(WheelHere));
        Assert.Contains(Wheel.Name, error.Message);
        Assert.Contains("127.0.0.1:1", error.Message);
        await Assert.ThrowsAsync<RegistrationListingFailedException>(() => service.ListAsync());
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
}
