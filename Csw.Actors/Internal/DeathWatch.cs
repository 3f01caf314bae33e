namespace Csw.Actors.Internal;

/// <summary>
/// One actor's death-watch bookkeeping: who watches it, and whom it watches with what notification.
/// Used only from the actor's own turn.
/// </summary>
internal sealed class DeathWatch<T>(ActorRef self)
{
    /// <summary>Actors to tell when this one stops.</summary>
    private readonly HashSet<ActorRef> _watchers = [];

    /// <summary>Actors this one watches, with the message to receive instead of a <see cref="Terminated"/> signal.</summary>
    private readonly Dictionary<ActorRef, (bool HasMessage, T Message)> _watching = [];

    public void AddWatcher(ActorRef watcher)
    {
        if (!ReferenceEquals(watcher, self))
        {
            _watchers.Add(watcher);
        }
    }

    public void RemoveWatcher(ActorRef watcher) => _watchers.Remove(watcher);

    public void Watch(ActorRef actor, (bool HasMessage, T Message) notification)
    {
        actor = WatchedActorOf(actor);
        if (ReferenceEquals(actor, self))
        {
            return;
        }
        var isNew = !_watching.ContainsKey(actor);
        _watching[actor] = notification;
        if (isNew)
        {
            actor.SendSystem(new Watch(self));
        }
    }

    public void Unwatch(ActorRef actor)
    {
        actor = WatchedActorOf(actor);
        if (_watching.Remove(actor))
        {
            actor.SendSystem(new Unwatch(self));
        }
    }

    /// <summary>Takes the notification for a watched actor that stopped; false if it is no longer watched.</summary>
    public bool TryTakeNotification(ActorRef actor, out (bool HasMessage, T Message) notification) => _watching.Remove(actor, out notification);

    /// <summary>This actor stopped: tell the watchers, and release the actors it watched.</summary>
    public void OnStopped()
    {
        foreach (var watcher in _watchers)
        {
            watcher.SendSystem(new WatchedActorTerminated(self));
        }
        foreach (var watched in _watching.Keys)
        {
            watched.SendSystem(new Unwatch(self));
        }
        _watchers.Clear();
        _watching.Clear();
    }

    /// <summary>The actor a watch is really on: an adapter's termination is reported by its actor, so watch that.</summary>
    private static ActorRef WatchedActorOf(ActorRef actor) => actor is IMessageAdapter adapter ? WatchedActorOf(adapter.Target) : actor;
}
