using Akka.Actor;
using Csw.Command;
using Csw.Params;

namespace Csw.Framework;

/// <summary>Messages to a component's supervisor beyond commands: locking and lifecycle.</summary>
public abstract record SupervisorMessage : ComponentMessage
{
    /// <summary>Lock the component for <paramref name="Source"/>; others' commands then get <see cref="Locked"/>. Again by the owner extends the lease.</summary>
    /// <param name="Source">Who locks.</param>
    /// <param name="LeaseDuration">How long the lock lasts unless extended.</param>
    /// <param name="ReplyTo">Where the <see cref="LockingResponse"/> and later lease notices go.</param>
    public sealed record Lock(Prefix Source, TimeSpan LeaseDuration, IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>Release the lock; allowed to the owner and to the admin prefix.</summary>
    /// <param name="Source">Who unlocks.</param>
    /// <param name="ReplyTo">Where the <see cref="LockingResponse"/> goes.</param>
    public sealed record Unlock(Prefix Source, IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>Go online (from <see cref="SupervisorLifecycleState.RunningOffline"/>).</summary>
    public sealed record GoOnline : SupervisorMessage;

    /// <summary>Go offline (from <see cref="SupervisorLifecycleState.Running"/>).</summary>
    public sealed record GoOffline : SupervisorMessage;

    /// <summary>Enter a diagnostic mode.</summary>
    /// <param name="StartTime">When the diagnostic mode starts.</param>
    /// <param name="Hint">Which diagnostic mode.</param>
    public sealed record DiagnosticMode(UtcTime StartTime, string Hint) : SupervisorMessage;

    /// <summary>Leave diagnostic mode.</summary>
    public sealed record OperationsMode : SupervisorMessage;

    /// <summary>Shut the handlers down and initialize a fresh instance.</summary>
    public sealed record Restart : SupervisorMessage;

    /// <summary>Shut the handlers down and stop the component.</summary>
    public sealed record Shutdown : SupervisorMessage;

    /// <summary>Reply with the current lifecycle state.</summary>
    /// <param name="ReplyTo">Where the <see cref="SupervisorLifecycleState"/> goes.</param>
    public sealed record GetSupervisorLifecycleState(IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>Send <paramref name="Subscriber"/> the current lifecycle state, then every change, until it stops or unsubscribes.</summary>
    /// <param name="Subscriber">Who is told, with <see cref="LifecycleStateChanged"/> messages; it is watched and removed when it stops.</param>
    public sealed record SubscribeLifecycleState(IActorRef Subscriber) : SupervisorMessage;

    /// <summary>Stop telling <paramref name="Subscriber"/> about lifecycle changes.</summary>
    /// <param name="Subscriber">Who was told.</param>
    public sealed record UnsubscribeLifecycleState(IActorRef Subscriber) : SupervisorMessage;
}
