using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// The one actor in the cluster that changes the replicated map of a store (a cluster singleton,
/// on the oldest member). Every change is a Distributed Data update whose check runs in this
/// member's replicator, one after another, so that of concurrent conflicting registrations from
/// any members exactly one wins. Taking over, it first reads the map from a majority (which holds
/// every change its predecessor acknowledged), then removes the entries of members that are gone.
/// It also removes the entries of members that leave or are downed.
/// </summary>
internal sealed class Registrar : ReceiveActor, IWithStash, IWithTimers
{
    /// <summary>How long a write to every member may take before it falls back to a majority.</summary>
    private static readonly TimeSpan WriteAllTimeout = TimeSpan.FromSeconds(1);

    private readonly IActorRef _replicator;

    private readonly LWWDictionaryKey<string, ClusterRegistration> _key;

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);

    /// <summary>How long a majority read or write may take.</summary>
    private readonly TimeSpan _majorityTimeout;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Members the failure detector calls unreachable: writes go to a majority rather than wait for them.</summary>
    private ImmutableHashSet<Address> _unreachable = [];

    public Registrar(IActorRef replicator, LWWDictionaryKey<string, ClusterRegistration> key, TimeSpan majorityTimeout)
    {
        _replicator = replicator;
        _key = key;
        _majorityTimeout = majorityTimeout;
        Starting();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef replicator, LWWDictionaryKey<string, ClusterRegistration> key, TimeSpan majorityTimeout) =>
        Akka.Actor.Props.Create(() => new Registrar(replicator, key, majorityTimeout));

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        ReadMajority();
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    /// <summary>Waiting for the majority read; everything else waits in the stash.</summary>
    private void Starting()
    {
        Receive<GetSuccess>(_ => Start());
        Receive<NotFound>(_ => Start());
        Receive<GetFailure>(_ =>
        {
            _log.Warning("The location registrar could not read the registrations from a majority of members; trying again");
            Timers.StartSingleTimer("read", ReadAgain.Instance, TimeSpan.FromMilliseconds(500));
        });
        Receive<ReadAgain>(_ => ReadMajority());
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<Register>(r => OnRegister(r.Entry));
        Receive<Unregister>(u => Change(map => map.TryGetValue(u.ConnectionName, out var held) && (u.IfAt is null || held.Location == u.IfAt)
            ? map.Remove(_cluster.SelfUniqueAddress, u.ConnectionName)
            : map, Sender, Done.Instance, toAll: false));
        Receive<UnregisterAll>(_ => Change(map => map.Keys.ToList().Aggregate(map, (m, k) => m.Remove(_cluster.SelfUniqueAddress, k)), Sender, Done.Instance, toAll: false));
        Receive<ClusterEvent.MemberDowned>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberLeft>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberExited>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberRemoved>(e =>
        {
            _unreachable = _unreachable.Remove(e.Member.Address);
            RemoveOwner(e.Member);
        });
        Receive<ClusterEvent.UnreachableMember>(e => _unreachable = _unreachable.Add(e.Member.Address));
        Receive<ClusterEvent.ReachableMember>(e => _unreachable = _unreachable.Remove(e.Member.Address));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<UpdateSuccess>(s => ((Pending)s.Request).Answer());
        Receive<ModifyFailure>(f => ((Pending)f.Request).Fail(f.Cause is ConnectionTaken taken ? new Refused(taken.Other) : new Failed(f.Cause.Message)));
        Receive<UpdateTimeout>(t => OnTimeout((Pending)t.Request));
        Receive<IUpdateFailure>(f => ((Pending)f.Request).Fail(new Failed(f.Cause.Message)));
    }

    private void ReadMajority() => _replicator.Tell(Dsl.Get(_key, new ReadMajority(_majorityTimeout)));

    private void Start()
    {
        Become(Ready);
        Stash.UnstashAll();
        // Members that went while no registrar ran (the previous one went with its member).
        var alive = _cluster.State.Members.Where(IsAlive).Select(m => m.UniqueAddress).ToList();
        Change(map => RemoveWhere(map, entry => !alive.Any(entry.IsOwnedBy)), ActorRefs.Nobody, Done.Instance, toAll: true);
    }

    private void OnRegister(ClusterRegistration entry)
    {
        var name = entry.Location.Connection.Name;
        if (!_cluster.State.Members.Any(m => IsAlive(m) && entry.IsOwnedBy(m.UniqueAddress)))
        {
            Sender.Tell(new Failed($"{entry.OwnerAddress} (incarnation {entry.OwnerUid}) is not an up member of the cluster."));
            return;
        }
        Change(map =>
        {
            if (map.TryGetValue(name, out var held))
            {
                if (held.Location != entry.Location)
                {
                    throw new ConnectionTaken(held.Location);
                }
                if (held == entry)
                {
                    return map;
                }
            }
            return map.SetItem(_cluster.SelfUniqueAddress, name, entry);
        }, Sender, new Registered(entry.Location), toAll: false);
    }

    private void RemoveOwner(Member member) =>
        Change(map => RemoveWhere(map, entry => entry.IsOwnedBy(member.UniqueAddress)), ActorRefs.Nobody, Done.Instance, toAll: true);

    /// <summary>
    /// Updates the map, writing to every member (so that trackers everywhere hear at once) unless
    /// some are unreachable, then to a majority. Removals go to every member regardless: nobody waits for them.
    /// </summary>
    private void Change(Func<LWWDictionary<string, ClusterRegistration>, LWWDictionary<string, ClusterRegistration>> modify, IActorRef replyTo, IClusterLocationMessage success, bool toAll)
    {
        var all = toAll || _unreachable.IsEmpty;
        IWriteConsistency consistency = all ? new WriteAll(WriteAllTimeout) : new WriteMajority(_majorityTimeout);
        _replicator.Tell(Dsl.Update(_key, LWWDictionary<string, ClusterRegistration>.Empty, consistency, new Pending(replyTo, success, all), modify));
    }

    /// <summary>
    /// Not every member answered: the change is in place here and with those that did, so make sure
    /// a majority holds it (writing the map as it is now) before answering.
    /// </summary>
    private void OnTimeout(Pending pending)
    {
        if (pending.ToAll)
        {
            _replicator.Tell(Dsl.Update(_key, LWWDictionary<string, ClusterRegistration>.Empty, new WriteMajority(_majorityTimeout), pending with { ToAll = false }, map => map));
            return;
        }
        _log.Warning("A location change was not acknowledged by a majority of members within {0}", _majorityTimeout);
        pending.Fail(new Failed($"not acknowledged by a majority of the cluster's members within {_majorityTimeout.TotalSeconds} s"));
    }

    private LWWDictionary<string, ClusterRegistration> RemoveWhere(LWWDictionary<string, ClusterRegistration> map, Func<ClusterRegistration, bool> gone) =>
        map.Entries.Where(pair => gone(pair.Value)).Select(pair => pair.Key).ToList()
            .Aggregate(map, (m, key) => m.Remove(_cluster.SelfUniqueAddress, key));

    private static bool IsAlive(Member member) => member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up;

    /// <summary>Who waits for an update, and what to tell them when it succeeds.</summary>
    private sealed record Pending(IActorRef ReplyTo, IClusterLocationMessage Success, bool ToAll)
    {
        public void Answer() => ReplyTo.Tell(Success);

        public void Fail(IClusterLocationMessage failure) => ReplyTo.Tell(failure);
    }

    /// <summary>Thrown in the update's check: the connection is at another location.</summary>
    private sealed class ConnectionTaken(Location other) : Exception($"{other.Connection.Name} is registered at {other.Uri}")
    {
        public Location Other { get; } = other;
    }

    private sealed class ReadAgain
    {
        public static readonly ReadAgain Instance = new();
    }
}
