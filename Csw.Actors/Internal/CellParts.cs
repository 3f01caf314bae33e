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

    /// <summary>Who watches this actor and whom it watches.</summary>
    public DeathWatch<T>? DeathWatch;

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
