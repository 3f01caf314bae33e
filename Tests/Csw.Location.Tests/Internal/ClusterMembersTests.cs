using Akka.Cluster;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>Several members of one in-process cluster: races between members, tracking everywhere, a member leaving.</summary>
public sealed class ClusterMembersTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));

    private readonly List<ILocationService> _services = [];

    public async Task InitializeAsync()
    {
        _services.AddRange(await ClusterFixture.CreateServicesAsync(cluster.Nodes, ClusterFixture.FreshStore()));
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await ((IAsyncDisposable)service).DisposeAsync();
        }
    }

    [Fact]
    public async Task RegisterAsync_SameConnectionFromEveryMemberAtOnce_ExactlyOneWinsEverywhere()
    {
        var attempts = Enumerable.Range(0, 30).Select(i => (Service: _services[i % 3], Registration: new PekkoRegistration(Wheel, new Uri($"csw://contender{i}/user/wheel")))).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(a => Task.Run(async () =>
        {
            try
            {
                return (await a.Service.RegisterAsync(a.Registration)).Location;
            }
            catch (OtherLocationIsRegisteredException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, o => o is not null);
        foreach (var service in _services)
        {
            Assert.Equal(winner, await service.FindAsync(Wheel));
        }
    }

    [Fact]
    public async Task Track_RegisteredOnOneMember_EveryMemberHears()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        var trackers = _services.Select(service => service.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token)).ToList();
        var firsts = trackers.Select(t => t.MoveNextAsync().AsTask()).ToList();

        var registered = await _services[1].RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/user/wheel")));

        foreach (var (tracker, first) in trackers.Zip(firsts))
        {
            Assert.True(await first.WaitAsync(TestTime.DefaultTimeout));
            Assert.Equal(new LocationUpdated(registered.Location), tracker.Current);
        }
        foreach (var tracker in trackers)
        {
            await tracker.DisposeAsync();
        }
    }
}
