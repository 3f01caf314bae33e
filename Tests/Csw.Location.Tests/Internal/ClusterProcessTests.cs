using System.Diagnostics;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>
/// Members in processes of their own, killed (SIGKILL), frozen (SIGSTOP) and restarted: three seeds
/// shared by the class, members registering components, and this process tracking them as one more member.
/// </summary>
[Collection(ClusterProcessCollection.Name)]
public sealed class ClusterProcessTests(ProcessClusterFixture fixture) : IClassFixture<ProcessClusterFixture>
{
    /// <summary>How soon a crashed member's locations must be gone (the bound).</summary>
    private static readonly TimeSpan CrashBound = TimeSpan.FromSeconds(5);

    private ProcessCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Member_Killed_ItsLocationsRemovedAndTrackersToldWithin5s()
    {
        var member = await Cluster.StartMemberAsync(0, "TCS.crash.one", "TCS.crash.two");
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 4);
        await using var changes = Cluster.Observer.Track(Hcd("TCS.crash.one"), stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        var clock = Stopwatch.StartNew();
        await member.KillAsync();

        Assert.Equal(new LocationRemoved(Hcd("TCS.crash.one")), await NextAsync(changes));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, CrashBound);
        Assert.Null(await Cluster.Observer.FindAsync(Hcd("TCS.crash.two")));
    }

    [Fact]
    public async Task Member_KilledAndRestarted_RegistersAgainAsNewIncarnation()
    {
        var port = EtcdProcess.FreePort();
        var member = await Cluster.StartMemberAsync(port, "TCS.phoenix");
        using var stop = new CancellationTokenSource();
        var changes = Cluster.Observer.Track(Hcd("TCS.phoenix"), stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            var before = Assert.IsType<LocationUpdated>(await NextOrExplainAsync(changes, "the first registration")).Location;
            await member.KillAsync();
            Assert.Equal(new LocationRemoved(Hcd("TCS.phoenix")), await NextOrExplainAsync(changes, "the kill"));

            await Cluster.StartMemberAsync(port, "TCS.phoenix");

            // Same address, same location: a new incarnation of the member, registered again.
            Assert.Equal(new LocationUpdated(before), await NextOrExplainAsync(changes, "the restart"));
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>The next event, or a failure saying what the processes printed (a pending read is left to the cancellation).</summary>
    private async Task<TrackingEvent> NextOrExplainAsync(IAsyncEnumerator<TrackingEvent> changes, string after)
    {
        var next = changes.MoveNextAsync().AsTask();
        var done = await Task.WhenAny(next, Task.Delay(TestTime.DefaultTimeout * 4));
        Assert.True(done == next && next.Result, $"no event after {after}; the processes printed:\n{Cluster.Outputs}");
        return changes.Current;
    }

    [Fact]
    public async Task Member_Frozen_DownedAndRemovedWithin5sThenShutsItselfDownWhenThawed()
    {
        var member = await Cluster.StartMemberAsync(0, "TCS.frozen");
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 4);
        await using var changes = Cluster.Observer.Track(Hcd("TCS.frozen"), stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.IsType<LocationUpdated>(await NextAsync(changes));

        var clock = Stopwatch.StartNew();
        await member.FreezeAsync();
        Assert.Equal(new LocationRemoved(Hcd("TCS.frozen")), await NextAsync(changes));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, CrashBound);

        // Keep-oldest downed it: thawed, it learns so and ends rather than come back as a zombie.
        await member.ThawAsync();
        Assert.Equal(3, await member.WaitForExitAsync(TestTime.DefaultTimeout * 4));
        Assert.Null(await Cluster.Observer.FindAsync(Hcd("TCS.frozen")));
    }

    internal static PekkoConnection Hcd(string prefix) => new(new ComponentId(Prefix.Parse(prefix), ComponentType.HCD));

    internal static async Task<TrackingEvent> NextAsync(IAsyncEnumerator<TrackingEvent> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(TestTime.DefaultTimeout * 4), "the tracking stream ended");
        return changes.Current;
    }
}
