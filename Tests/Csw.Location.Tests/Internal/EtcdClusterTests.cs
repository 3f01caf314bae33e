using Csw.Tests.Shared;
using System.Globalization;
using System.Text.Json;
using Csw.Location.Tests.Support;
using Csw.Params;
using static Csw.Location.Tests.Support.EtcdServices;

namespace Csw.Location.Tests.Internal;

/// <summary>A three-member etcd cluster losing members: failover, watches resumed on a member that comes back, compaction, a client cut off.</summary>
public sealed class EtcdClusterTests(EtcdClusterFixture etcd) : IClassFixture<EtcdClusterFixture>, IAsyncLifetime
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));
    private static readonly PekkoConnection Filter = new(new ComponentId(Prefix.Parse("TCS.filter"), ComponentType.Assembly));
    private static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/user/wheel?uid=1"));
    private static readonly PekkoRegistration WheelElsewhere = new(Wheel, new Uri("csw://elsewhere/user/wheel?uid=2"));
    private static readonly Location Here = WheelHere.ToLocation("127.0.0.1");
    private static readonly Location Elsewhere = WheelElsewhere.ToLocation("127.0.0.1");

    private readonly EtcdServices _services = new();

    private string _prefix = "";

    private IReadOnlyList<Uri> Members => etcd.Cluster.ClientUrls;

    public async Task InitializeAsync() => _prefix = await etcd.FreshPrefixAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task RegisterAndTrack_OneOfThreeMembersKilled_KeepWorking()
    {
        var options = Options(Members);
        var (owner, watcher) = (_services.Create(options), _services.Create(options));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        await owner.RegisterAsync(WheelHere);
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));

        // The first member, which both instances use first, goes.
        await etcd.Cluster.Members[0].KillAsync();
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await EventuallyAsync(() => owner.RegisterAsync(WheelElsewhere));
        Assert.Equal(new LocationUpdated(Elsewhere), await NextAsync(changes));
        await EventuallyAsync(() => owner.RegisterAsync(new PekkoRegistration(Filter, new Uri("csw://here/user/filter"))));
        var fresh = _services.Create(options);
        Assert.Equal(Elsewhere, await fresh.FindAsync(Wheel));
        Assert.Equal(2, (await fresh.ListAsync()).Count);
    }

    [Fact]
    public async Task Track_WatchersMemberFrozen_TrackingMovesToAnotherMemberAndMissesNothing()
    {
        var owner = _services.Create(Options(Members.Skip(1)));
        var watcher = _services.Create(Options(Members)); // Its watch is on the first member.
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 3);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));

        // Frozen, its connections stay open and its watches silent: only checking that it answers tells.
        await etcd.Cluster.Members[0].FreezeAsync();
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        await EventuallyAsync(() => owner.RegisterAsync(WheelElsewhere));

        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(Elsewhere), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_WatchersMemberDownWhileOthersChangeThings_MissedChangesArriveInOrderWhenItIsBack()
    {
        var (owner, watcher) = (_services.Create(Options(Members.Skip(1))), _services.Create(Options(Members.Take(1))));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 3);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));

        await etcd.Cluster.Members[0].KillAsync();
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        await EventuallyAsync(() => owner.RegisterAsync(WheelElsewhere));
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        await EventuallyAsync(() => owner.RegisterAsync(WheelHere));
        await etcd.Cluster.Members[0].RestartAsync();

        // Every change, in order, although the last state is the one the tracker knew.
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(Elsewhere), await NextAsync(changes));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_HistoryCompactedWhileTheWatchersMemberWasDown_TellsOnlyTheDifference()
    {
        var (owner, watcher) = (_services.Create(Options(Members.Skip(1))), _services.Create(Options(Members.Take(1))));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 3);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));

        await etcd.Cluster.Members[0].KillAsync();
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        await EventuallyAsync(() => owner.RegisterAsync(WheelElsewhere));
        await CompactAsync(Members[1]);
        await etcd.Cluster.Members[0].RestartAsync();

        // The removal in between is gone from etcd's history: the tracker hears where it is now, then goes on.
        Assert.Equal(new LocationUpdated(Elsewhere), await NextAsync(changes));
        await EventuallyAsync(() => owner.UnregisterAsync(Wheel));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
    }

    [Fact]
    public async Task KeepAlive_OwnerCutOffForLongerThanItsTtl_RegistrationsPutBackWhenItReconnects()
    {
        var owner = _services.Create(Options(Members.Take(1)).WithLeaseTtl(TimeSpan.FromSeconds(1)));
        var watcher = _services.Create(Options(Members.Skip(1)));
        await owner.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout * 3);
        await using var changes = watcher.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));

        // The owner reaches only the first member: with it gone, its lease runs out in the cluster.
        await etcd.Cluster.Members[0].KillAsync();
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await etcd.Cluster.Members[0].RestartAsync();
        Assert.Equal(new LocationUpdated(Here), await NextAsync(changes));
    }

    /// <summary>
    /// Retries an idempotent change while the cluster may be electing a new leader (the killed or
    /// frozen member may have been the leader; requests fail until another is elected).
    /// </summary>
    private static Task EventuallyAsync(Func<Task> change) =>
        TestWaits.AwaitAssertAsync(change, TestTime.DefaultTimeout * 2, TimeSpan.FromMilliseconds(100));

    private EtcdLocationOptions Options(IEnumerable<Uri> members) =>
        new EtcdLocationOptions([.. members]).WithKeyPrefix(_prefix).WithRequestTimeout(TimeSpan.FromSeconds(1));

    /// <summary>Compacts etcd's history up to its current revision, as an operator (or etcd's auto-compaction) would.</summary>
    private static async Task CompactAsync(Uri member)
    {
        using var status = JsonDocument.Parse(await EtcdPostAsync(member, "/v3/kv/range", new { key = Convert.ToBase64String("/"u8) }));
        var revision = long.Parse(status.RootElement.GetProperty("header").GetProperty("revision").GetString()!, CultureInfo.InvariantCulture);
        await EtcdPostAsync(member, "/v3/kv/compaction", new { revision = revision.ToString(CultureInfo.InvariantCulture), physical = true });
    }
}
