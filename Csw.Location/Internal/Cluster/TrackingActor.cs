using Akka.Actor;
using Akka.DistributedData;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// Feeds one service instance's trackers from the replicated map. It keeps the map as it has seen
/// it, merging in every change this member's replicator reports and every read. A new tracker
/// starts from this member's replica (so that a change made after it started is never missed),
/// then a majority read adds what this member has not heard of yet; it hears every difference in
/// its connection's location.
/// </summary>
internal sealed class TrackingActor : ReceiveActor
{
    private readonly IActorRef _replicator;

    private readonly LWWDictionaryKey<string, ClusterRegistration> _key;

    private readonly TimeSpan _readTimeout;

    /// <summary>The map as far as this actor has seen it: every version it heard of, merged.</summary>
    private LWWDictionary<string, ClusterRegistration> _state = LWWDictionary<string, ClusterRegistration>.Empty;

    /// <summary>The running trackers of each connection (by name; never an empty list).</summary>
    private readonly Dictionary<string, List<Tracker>> _trackers = [];

    /// <summary>What the trackers of each connection in <see cref="_trackers"/> were last told (null: not registered).</summary>
    private readonly Dictionary<string, Location?> _told = [];

    /// <summary>Trackers waiting for their majority read.</summary>
    private readonly HashSet<Tracker> _starting = [];

    public TrackingActor(IActorRef replicator, LWWDictionaryKey<string, ClusterRegistration> key, TimeSpan readTimeout)
    {
        _replicator = replicator;
        _key = key;
        _readTimeout = readTimeout;
        Receive<Changed>(changed => Merge(changed.Get(_key)));
        Receive<StartTracking>(start =>
        {
            _starting.Add(start.Tracker);
            _replicator.Tell(Dsl.Get(_key, ReadLocal.Instance, start.Tracker));
        });
        Receive<GetSuccess>(read =>
        {
            Merge(read.Get(_key));
            if (read.Request is Tracker tracker)
            {
                Begin(tracker);
            }
        });
        Receive<NotFound>(read =>
        {
            if (read.Request is Tracker tracker)
            {
                Begin(tracker);
            }
        });
        // The majority read only adds what this member has not heard of yet; without it, the replica must do.
        Receive<GetFailure>(_ => { });
        Receive<StopTracking>(stop => Stop(stop.Tracker));
    }

    public static Props Props(IActorRef replicator, LWWDictionaryKey<string, ClusterRegistration> key, TimeSpan readTimeout) =>
        Akka.Actor.Props.Create(() => new TrackingActor(replicator, key, readTimeout));

    protected override void PreStart() => _replicator.Tell(Dsl.Subscribe(_key, Self));

    protected override void PostStop()
    {
        _replicator.Tell(Dsl.Unsubscribe(_key, Self));
        foreach (var tracker in _trackers.Values.SelectMany(list => list).Concat(_starting))
        {
            tracker.Complete();
        }
    }

    private void Merge(LWWDictionary<string, ClusterRegistration> seen)
    {
        _state = _state.Merge(seen);
        foreach (var (name, trackers) in _trackers)
        {
            var now = Current(name);
            if (now != _told[name])
            {
                _told[name] = now;
                TrackingEvent change = now is null ? new LocationRemoved(trackers[0].Connection) : new LocationUpdated(now);
                trackers.ForEach(tracker => tracker.Deliver(change));
            }
        }
    }

    /// <summary>
    /// The replica's state at the tracker's start is in (the replicator answers in order with its
    /// change notifications, so none is missed or heard twice): from now on the tracker hears what
    /// the others of its connection hear, starting with where it is. Then a majority read adds
    /// what this member has not heard of yet (a change written to a majority without it).
    /// </summary>
    private void Begin(Tracker tracker)
    {
        if (!_starting.Remove(tracker))
        {
            return; // Stopped meanwhile.
        }
        if (ClusterMembership.MajorityReachable(Akka.Cluster.Cluster.Get(Context.System)))
        {
            _replicator.Tell(Dsl.Get(_key, new ReadMajority(_readTimeout)));
        }
        var name = tracker.Connection.Name;
        if (!_trackers.TryGetValue(name, out var trackers))
        {
            _trackers[name] = trackers = [];
            _told[name] = Current(name);
        }
        trackers.Add(tracker);
        if (_told[name] is { } location)
        {
            tracker.Deliver(new LocationUpdated(location));
        }
    }

    private void Stop(Tracker tracker)
    {
        var name = tracker.Connection.Name;
        if (!_starting.Remove(tracker) && _trackers.TryGetValue(name, out var trackers) && trackers.Remove(tracker) && trackers.Count == 0)
        {
            _trackers.Remove(name);
            _told.Remove(name);
        }
        tracker.Complete();
    }

    private Location? Current(string name) => _state.TryGetValue(name, out var entry) ? entry.Location : null;

    /// <summary>Starts feeding a tracker.</summary>
    public sealed record StartTracking(Tracker Tracker);

    /// <summary>Stops feeding a tracker and ends its stream.</summary>
    public sealed record StopTracking(Tracker Tracker);
}
