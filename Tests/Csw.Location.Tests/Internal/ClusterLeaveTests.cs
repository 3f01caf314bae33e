using Akka.Cluster;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>A member that leaves the cluster cleanly.</summary>
public sealed class ClusterLeaveTests
{
    [Fact]
    public async Task Leave_MemberWithRegistrations_ItsLocationsGoAndTrackersHear()
    {
        await using var nodes = await ClusterNodes.StartAsync(2);
        var store = ClusterFixture.FreshStore();
        var services = await ClusterFixture.CreateServicesAsync(nodes, store);
        var (staying, leaving) = (services[0], services[1]);
        var connection = new PekkoConnection(new ComponentId(Prefix.Parse("TCS.leaving"), ComponentType.HCD));
        await leaving.RegisterAsync(new PekkoRegistration(connection, new Uri("csw://leaving/user/hcd")));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = staying.Track(connection, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await changes.MoveNextAsync());
        Assert.IsType<LocationUpdated>(changes.Current);

        // Not disposed: the member's leaving alone removes what it owns.
        await Cluster.Get(nodes.Systems[1]).LeaveAsync();

        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new LocationRemoved(connection), changes.Current);
        Assert.Null(await staying.FindAsync(connection));
        await ((IAsyncDisposable)staying).DisposeAsync();
    }
}
