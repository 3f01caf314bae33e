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
    private readonly IActorRef _replicator;

    private readonly LWWDictionaryKey<string, ClusterRegistration> _key;

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);

    /// <summary>How long a majority read or write may take.</summary>
    private readonly TimeSpan _majorityTimeout;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>The map as this registrar made it (it is the only writer): what a new follower is shown.</summary>
    private LWWDictionary<string, ClusterRegistration> _map = LWWDictionary<string, ClusterRegistration>.Empty;

    /// <summary>The members' tracking actors, told every change in the order it was made.</summary>
    private readonly HashSet<IActorRef> _followers = [];

    /// <summary>The number of the last change told to followers (0: none yet, as this registrar's life goes).</summary>
    private long _sequence;

    /// <summary>An update is under way: further changes wait in the stash, so that changes are told in the order they were made.</summary>
    private bool _busy;

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
        _cluster.Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        ReadMajority();
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    /// <summary>Waiting for the majority read; everything else waits in the stash.</summary>
    private void Starting()
    {
        Receive<GetSuccess>(read => Start(read.Get(_key)));
        Receive<NotFound>(_ => Start(LWWDictionary<string, ClusterRegistration>.Empty));
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
        Receive<Follow>(follow =>
        {
            if (_followers.Add(Sender))
            {
                Context.Watch(Sender);
            }
            if (follow.Known != _sequence)
            {
                Sender.Tell(new Snapshot([.. _map.Values.Select(entry => entry.Location)], _sequence));
            }
        });
        Receive<Terminated>(t => _followers.Remove(t.ActorRef));
        Receive<Applied>(applied => Tell(applied.After));
        Receive<UpdateSuccess>(s => Complete((Pending)s.Request, ((Pending)s.Request).Success));
        Receive<ModifyFailure>(f => Complete((Pending)f.Request, f.Cause is ConnectionTaken taken ? new Refused(taken.Other) : new Failed(f.Cause.Message)));
        Receive<UpdateTimeout>(t =>
        {
            _log.Warning("A location change was not acknowledged by a majority of members within {0}; it stays on this member and spreads by gossip", _majorityTimeout);
            Complete((Pending)t.Request, new Failed($"not acknowledged by a majority of the cluster's members within {_majorityTimeout.TotalSeconds} s"));
        });
        Receive<IUpdateFailure>(f => Complete((Pending)f.Request, new Failed(f.Cause.Message)));
        Receive<object>(_ => _busy, _ => Stash.Stash());
        Receive<Register>(r => OnRegister(r.Entry));
        Receive<Unregister>(u => Change(map => map.TryGetValue(u.ConnectionName, out var held) && (u.IfAt is null || held.Location == u.IfAt)
            ? map.Remove(_cluster.SelfUniqueAddress, u.ConnectionName)
            : map, Sender, Done.Instance));
        Receive<UnregisterAll>(_ => Change(map => RemoveWhere(map, _ => true), Sender, Done.Instance));
        Receive<ClusterEvent.MemberDowned>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberLeft>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberExited>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.MemberRemoved>(e => RemoveOwner(e.Member));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    private void ReadMajority() => _replicator.Tell(Dsl.Get(_key, new ReadMajority(_majorityTimeout)));

    private void Start(LWWDictionary<string, ClusterRegistration> map)
    {
        _map = map;
        Become(Ready);
        Stash.UnstashAll();
        // Members that went while no registrar ran (the previous one went with its member).
        var alive = _cluster.State.Members.Where(IsAlive).Select(m => m.UniqueAddress).ToList();
        Change(map => RemoveWhere(map, entry => !alive.Any(entry.IsOwnedBy)), ActorRefs.Nobody, Done.Instance);
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
        }, Sender, new Registered(entry.Location));
    }

    /// <summary>
    /// Removes what a member that went had registered. A member that had nothing here (a one-shot
    /// client, or one whose entries an earlier event of its leaving removed) costs no write: a
    /// majority write would wait for the member that is going, and time out.
    /// </summary>
    private void RemoveOwner(Member member)
    {
        if (_map.Values.Any(entry => entry.IsOwnedBy(member.UniqueAddress)))
        {
            Change(map => RemoveWhere(map, entry => entry.IsOwnedBy(member.UniqueAddress)), ActorRefs.Nobody, Done.Instance);
        }
    }

    /// <summary>
    /// Updates the map, writing to a majority of members. One update at a time: the next waits in
    /// the stash until this one is answered, so that followers hear changes in the order they were made.
    /// </summary>
    private void Change(Func<LWWDictionary<string, ClusterRegistration>, LWWDictionary<string, ClusterRegistration>> modify, IActorRef replyTo, IClusterLocationMessage success)
    {
        var pending = new Pending(replyTo, success);
        var self = Self;
        _busy = true;
        // The check and change run in this member's replicator, which tells what it made at once:
        // followers hear then, not after the majority's acknowledgements (a removed member may be
        // one of those the write waits for, until it is gone from the cluster).
        _replicator.Tell(Dsl.Update(_key, LWWDictionary<string, ClusterRegistration>.Empty, new WriteMajority(_majorityTimeout), pending, map =>
        {
            var after = modify(map);
            self.Tell(new Applied(after));
            return after;
        }));
    }

    /// <summary>Tells the followers what changed: it is in this member's replica, acknowledged by others or not.</summary>
    private void Tell(LWWDictionary<string, ClusterRegistration> after)
    {
        foreach (var name in _map.Keys.Union(after.Keys).ToList())
        {
            var (before, now) = (_map.TryGetValue(name, out var b) ? b.Location : null, after.TryGetValue(name, out var a) ? a.Location : null);
            if (before != now)
            {
                var change = new LocationChanged(name, now, ++_sequence);
                foreach (var follower in _followers)
                {
                    follower.Tell(change);
                }
            }
        }
        _map = after;
    }

    /// <summary>Answers the caller; the next change may go.</summary>
    private void Complete(Pending pending, IClusterLocationMessage answer)
    {
        pending.ReplyTo.Tell(answer);
        _busy = false;
        Stash.UnstashAll();
    }

    private LWWDictionary<string, ClusterRegistration> RemoveWhere(LWWDictionary<string, ClusterRegistration> map, Func<ClusterRegistration, bool> gone) =>
        map.Entries.Where(pair => gone(pair.Value)).Select(pair => pair.Key).ToList()
            .Aggregate(map, (m, key) => m.Remove(_cluster.SelfUniqueAddress, key));

    private static bool IsAlive(Member member) => member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up;

    /// <summary>Who waits for an update, and what to tell them when it succeeds.</summary>
    private sealed record Pending(IActorRef ReplyTo, IClusterLocationMessage Success);

    /// <summary>What an update made, told by the replicator as it makes it.</summary>
    private sealed record Applied(LWWDictionary<string, ClusterRegistration> After);

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
