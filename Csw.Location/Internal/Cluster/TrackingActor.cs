using Akka.Actor;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// Feeds one service instance's trackers. It follows the store's registrar: a snapshot of every
/// location first, then each change in the order the registrar made it (one sender, one receiver:
/// Akka keeps the order), so that a tracker hears every change, even two within a millisecond. When
/// the registrar moves to another member, it follows the new one and tells its trackers what
/// differs in the new one's snapshot.
/// </summary>
internal sealed class TrackingActor : ReceiveActor, IWithStash, IWithTimers
{
    /// <summary>How often it checks with the registrar that it has heard every change (a tiny message unless it has not).</summary>
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The registrar's proxy, to reach whichever member runs it.</summary>
    private readonly IActorRef _registrarProxy;

    /// <summary>The registrar followed (its snapshot came from it); changes from any other are stale.</summary>
    private IActorRef? _registrar;

    /// <summary>The number of the registrar's last change heard.</summary>
    private long _sequence = -1;

    /// <summary>Every registered location as the registrar last told, by connection name.</summary>
    private Dictionary<string, Location> _current = [];

    /// <summary>The running trackers of each connection (by name; never an empty list).</summary>
    private readonly Dictionary<string, List<Tracker>> _trackers = [];

    /// <summary>What the trackers of each connection in <see cref="_trackers"/> were last told (null: not registered).</summary>
    private readonly Dictionary<string, Location?> _told = [];

    /// <summary>Completed once the first snapshot is in: from then on every change is heard.</summary>
    private readonly TaskCompletionSource _following;

    public TrackingActor(IActorRef registrarProxy, TaskCompletionSource following)
    {
        _registrarProxy = registrarProxy;
        _following = following;
        Receive<Snapshot>(snapshot =>
        {
            Followed(snapshot);
            _following.TrySetResult();
            Become(Following);
            Stash.UnstashAll();
        });
        Receive<CheckFollowing>(_ => _registrarProxy.Tell(Follow.Anew)); // Not answered yet (no registrar yet, or the request was lost).
        ReceiveAny(_ => Stash.Stash()); // Trackers start and stop in order once the snapshot is in.
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef registrarProxy, TaskCompletionSource following) => Akka.Actor.Props.Create(() => new TrackingActor(registrarProxy, following));

    protected override void PreStart()
    {
        _registrarProxy.Tell(Follow.Anew);
        Timers.StartPeriodicTimer("check", CheckFollowing.Instance, CheckInterval);
    }

    protected override void PostStop()
    {
        foreach (var tracker in _trackers.Values.SelectMany(list => list))
        {
            tracker.Complete();
        }
    }

    private void Following()
    {
        Receive<Snapshot>(Followed);
        Receive<LocationChanged>(change =>
        {
            if (!Sender.Equals(_registrar))
            {
                return; // From a registrar that has since handed over.
            }
            if (change.Sequence != _sequence + 1)
            {
                _registrarProxy.Tell(Follow.Anew); // A change went missing: the snapshot puts it right.
                return;
            }
            _sequence = change.Sequence;
            if (change.Now is { } now)
            {
                _current[change.ConnectionName] = now;
            }
            else
            {
                _current.Remove(change.ConnectionName);
            }
            Tell(change.ConnectionName);
        });
        Receive<StartTracking>(start => Begin(start.Tracker));
        Receive<StopTracking>(stop => Stop(stop.Tracker));
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_registrar))
            {
                _registrarProxy.Tell(Follow.Anew); // Answered by the next registrar, once it runs.
            }
        });
        Receive<CheckFollowing>(_ => _registrarProxy.Tell(new Follow(_sequence)));
    }

    /// <summary>A registrar's snapshot: follow it from now on, and tell trackers what differs from what they heard.</summary>
    private void Followed(Snapshot snapshot)
    {
        if (!Sender.Equals(_registrar))
        {
            _registrar = Sender;
            Context.Watch(Sender);
        }
        _sequence = snapshot.Sequence;
        _current = snapshot.Locations.ToDictionary(location => location.Connection.Name);
        foreach (var name in _trackers.Keys)
        {
            Tell(name);
        }
    }

    /// <summary>Tells the connection's trackers where it is now, if that is news to them.</summary>
    private void Tell(string name)
    {
        if (!_trackers.TryGetValue(name, out var trackers))
        {
            return;
        }
        var now = _current.GetValueOrDefault(name);
        if (now != _told[name])
        {
            _told[name] = now;
            TrackingEvent change = now is null ? new LocationRemoved(trackers[0].Connection) : new LocationUpdated(now);
            trackers.ForEach(tracker => tracker.Deliver(change));
        }
    }

    /// <summary>From now on the tracker hears what the others of its connection hear, starting with where it is.</summary>
    private void Begin(Tracker tracker)
    {
        var name = tracker.Connection.Name;
        if (!_trackers.TryGetValue(name, out var trackers))
        {
            _trackers[name] = trackers = [];
            _told[name] = _current.GetValueOrDefault(name);
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
        if (_trackers.TryGetValue(name, out var trackers) && trackers.Remove(tracker) && trackers.Count == 0)
        {
            _trackers.Remove(name);
            _told.Remove(name);
        }
        tracker.Complete();
    }

    /// <summary>Time to check with the registrar.</summary>
    private sealed class CheckFollowing
    {
        public static readonly CheckFollowing Instance = new();
    }

    /// <summary>Starts feeding a tracker.</summary>
    public sealed record StartTracking(Tracker Tracker);

    /// <summary>Stops feeding a tracker and ends its stream.</summary>
    public sealed record StopTracking(Tracker Tracker);
}
