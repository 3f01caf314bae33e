using Akka.Actor;
using Csw.Command;
using Csw.Location;
using Csw.Params;

namespace Csw.Framework.Internal;

// Messages the supervisor sends itself.

/// <summary>A handler call that did not finish at once has finished.</summary>
internal sealed record HandlerFinished(LaneItem Item);

/// <summary>An initialize attempt ended; <paramref name="Failure"/> is null on success.</summary>
internal sealed record InitializeFinished(int Attempt, Exception? Failure);

/// <summary>A lock lease timer fired.</summary>
internal sealed record LockLeaseTimer(bool Expired);

/// <summary>Registering the component's location ended; <paramref name="Failure"/> is null on success.</summary>
internal sealed record RegistrationFinished(IAsyncDisposable? Registration, Exception? Failure);

/// <summary>An actor the old handlers started has stopped (the supervisor stopped it to replace the handlers).</summary>
internal sealed record HandlerChildStopped(IActorRef Child);

/// <summary>The component has shut down and its lifecycle subscribers were told: stop now.</summary>
internal sealed record StopSelf;

/// <summary>A tracked connection changed; handed to the handlers through the lane.</summary>
internal sealed record LocationEventReceived(TrackingEvent Event);

/// <summary>One call waiting for, or running in, the handler lane: the message and, for commands, the runId it was given.</summary>
internal sealed record LaneItem(object Message, Id? RunId)
{
    /// <summary>The handler's own task of a Restart's or Shutdown's OnShutdownAsync, which may outlive its timeout.</summary>
    public Task? HandlerTask { get; set; }
}

/// <summary>The CRM admitted a command that came with a request id (it is not a repeat): run it.</summary>
internal sealed record RequestAdmitted(LaneItem Item, ControlCommand Command);

/// <summary>The old handlers instance's InitializeAsync, which outlived its timeout, has ended: the restart fence may open.</summary>
internal sealed record OldInitializeEnded(Task Initializing);

/// <summary>The old handlers instance's InitializeAsync still runs, long after its timeout: give up restarting.</summary>
internal sealed record OldInitializeOverdue(Task Initializing);
/// <summary>An initialize attempt's timeout has passed.</summary>
internal sealed record InitializeTimedOut(int Attempt);

/// <summary>The wait before the next initialize attempt is over.</summary>
internal sealed record BackoffElapsed;
