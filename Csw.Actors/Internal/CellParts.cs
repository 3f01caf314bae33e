using Microsoft.Extensions.Logging;

namespace Csw.Actors.Internal;

/// <summary>
/// The parts of an actor cell that most actors never use, made on first need so that an idle
/// actor stays a few hundred bytes.
/// </summary>
internal sealed class CellParts<T>
{
    /// <summary>Live children by name.</summary>
    public ChildrenContainer? Children;

    /// <summary>Actors to tell when this one stops.</summary>
    public HashSet<ActorRef>? Watchers;

    /// <summary>Actors this one watches, with the message to receive instead of a <see cref="Terminated"/> signal.</summary>
    public Dictionary<ActorRef, (bool HasMessage, T Message)>? Watching;

    /// <summary>Watched actors that stopped while this one was restarting; signalled to the new instance.</summary>
    public List<ActorRef>? DeferredTerminations;

    /// <summary>The actor's timers.</summary>
    public TimerScheduler<T>? Timers;

    /// <summary>The actor's stash.</summary>
    public StashBuffer<T>? Stash;

    /// <summary>Restarts in the supervision window.</summary>
    public RestartCounter? Restarts;

    /// <summary>The actor's path, built on first use.</summary>
    public ActorPath? Path;

    /// <summary>The actor's logger.</summary>
    public ILogger? Log;

    /// <summary>Counts restarts, so that a backoff that elapses after a stop or another restart is ignored.</summary>
    public int Incarnation;
}
