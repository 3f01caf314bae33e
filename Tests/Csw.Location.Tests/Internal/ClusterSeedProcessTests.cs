using Csw.Location.Tests.Support;
using Csw.Tests.Shared;
using static Csw.Location.Tests.Internal.ClusterProcessTests;

namespace Csw.Location.Tests.Internal;

/// <summary>A seed process killed: a cluster of its own, since the oldest member goes.</summary>
[Collection(ClusterProcessCollection.Name)]
public sealed class ClusterSeedProcessTests : IAsyncLifetime
{
    private ProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ProcessCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Seed_Killed_OthersGoOnAndRegistrationsKept()
    {
        await _cluster.StartMemberAsync(0, "TCS.survivor");
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 6);
        await using var changes = _cluster.Observer.Track(Hcd("TCS.newcomer"), stop.Token).GetAsyncEnumerator(stop.Token);
        var first = NextAsync(changes);

        // The first seed is the oldest member: it ran the registrar, which moves to the next oldest.
        await _cluster.Seeds[0].KillAsync();
        var newcomer = new PekkoRegistration(Hcd("TCS.newcomer"), new Uri("csw://test/user/newcomer"));
        await TestWaits.AwaitAssertAsync(async () => Assert.NotNull(await _cluster.Observer.RegisterAsync(newcomer)),
            TestTime.DefaultTimeout * 4, TimeSpan.FromMilliseconds(200));

        // The tracker started before now follows the new registrar.
        Assert.Equal(new LocationUpdated(newcomer.ToLocation("127.0.0.1")), await first);
        Assert.NotNull(await _cluster.Observer.FindAsync(Hcd("TCS.survivor")));
        Assert.NotNull(await _cluster.Observer.FindAsync(Hcd("TCS.newcomer")));
        await _cluster.StartMemberAsync(0, "TCS.latecomer");
        Assert.NotNull(await _cluster.Observer.FindAsync(Hcd("TCS.latecomer")));
    }
}
