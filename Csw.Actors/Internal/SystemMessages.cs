namespace Csw.Actors.Internal;

// The messages an actor's cell receives from the kernel, ahead of user messages. Each is a node
// of the mailbox's intrusive system queue, so an instance is sent once and never shared.

/// <summary>A kernel message to an actor's cell; <see cref="Next"/> links it in the mailbox.</summary>
internal abstract class SystemMessage
{
    /// <summary>The next node in the mailbox's system queue.</summary>
    internal SystemMessage? Next;
}

/// <summary>Make the first actor instance and signal <see cref="PreStart"/>.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop the actor: children first, then <see cref="PostStop"/>, then tell watchers.</summary>
internal sealed class StopActor : SystemMessage;

/// <summary>Tell <paramref name="watcher"/> when this actor stops.</summary>
internal sealed class Watch(ActorRef watcher) : SystemMessage
{
    public ActorRef Watcher { get; } = watcher;
}

/// <summary>Forget <paramref name="watcher"/>.</summary>
internal sealed class Unwatch(ActorRef watcher) : SystemMessage
{
    public ActorRef Watcher { get; } = watcher;
}

/// <summary>An actor this one watches has stopped.</summary>
internal sealed class WatchedActorTerminated(ActorRef actor) : SystemMessage
{
    public ActorRef Actor { get; } = actor;
}

/// <summary>A child of this actor has stopped.</summary>
internal sealed class ChildTerminated(ActorRef child) : SystemMessage
{
    public ActorRef Child { get; } = child;
}

/// <summary>A timer fired; delivered only if the timer is still current.</summary>
internal sealed class TimerFired(object key, int generation) : SystemMessage
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;
}

/// <summary>A restart's backoff has passed; restart unless the actor moved on meanwhile.</summary>
internal sealed class BackoffElapsed(int incarnation) : SystemMessage
{
    public int Incarnation { get; } = incarnation;
}
