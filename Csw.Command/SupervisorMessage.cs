using Akka.Actor;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command;

/// <summary>
/// Messages to a component's supervisor beyond commands: locking, lifecycle and log level (what an
/// operator does through <see cref="IAdminService"/>). A lifecycle request with a
/// <c>ReplyTo</c> is answered with the <see cref="SupervisorLifecycleState"/> once it has taken
/// effect (a Restart once the new handlers are Running, or the component gave up), or at once with
/// the state as it is when it does not apply; without one it is not answered, as in CSW.
/// </summary>
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
    public sealed record GoOnline : SupervisorMessage
    {
        /// <summary>Where the <see cref="SupervisorLifecycleState"/> goes once the request took effect; none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Go offline (from <see cref="SupervisorLifecycleState.Running"/>).</summary>
    public sealed record GoOffline : SupervisorMessage
    {
        /// <summary>Where the <see cref="SupervisorLifecycleState"/> goes once the request took effect; none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Enter a diagnostic mode.</summary>
    /// <param name="StartTime">When the diagnostic mode starts.</param>
    /// <param name="Hint">Which diagnostic mode.</param>
    public sealed record DiagnosticMode(UtcTime StartTime, string Hint) : SupervisorMessage
    {
        /// <summary>Where the <see cref="SupervisorLifecycleState"/> goes once the request took effect; none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Leave diagnostic mode.</summary>
    public sealed record OperationsMode : SupervisorMessage
    {
        /// <summary>Where the <see cref="SupervisorLifecycleState"/> goes once the request took effect; none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Shut the handlers down and initialize a fresh instance.</summary>
    public sealed record Restart : SupervisorMessage
    {
        /// <summary>Where the <see cref="SupervisorLifecycleState"/> goes once the new instance is Running (or the component gave up); none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Shut the handlers down and stop the component.</summary>
    public sealed record Shutdown : SupervisorMessage
    {
        /// <summary>Where <see cref="SupervisorLifecycleState.Shutdown"/> goes once the handlers have shut down; none when null.</summary>
        public IActorRef? ReplyTo { get; init; }
    }

    /// <summary>Reply with the current lifecycle state.</summary>
    /// <param name="ReplyTo">Where the <see cref="SupervisorLifecycleState"/> goes.</param>
    public sealed record GetSupervisorLifecycleState(IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>Reply with the component's log level: the least severe level its logger (<c>Csw.Component.&lt;prefix&gt;</c>) writes.</summary>
    /// <param name="ReplyTo">Where the <see cref="ComponentLogLevel"/> goes.</param>
    public sealed record GetLogLevel(IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>
    /// Change the component's log level now, for the supervisor's and the handlers' logging alike,
    /// until changed again or the process ends (a restart keeps it).
    /// </summary>
    /// <param name="Level">The least severe level to write; <see cref="LogLevel.None"/> silences the component.</param>
    /// <param name="ReplyTo">Where the new <see cref="ComponentLogLevel"/> goes.</param>
    public sealed record SetLogLevel(LogLevel Level, IActorRef ReplyTo) : SupervisorMessage;

    /// <summary>Send <paramref name="Subscriber"/> the current lifecycle state, then every change, until it stops or unsubscribes.</summary>
    /// <param name="Subscriber">Who is told, with <see cref="LifecycleStateChanged"/> messages; it is watched and removed when it stops.</param>
    public sealed record SubscribeLifecycleState(IActorRef Subscriber) : SupervisorMessage;

    /// <summary>Stop telling <paramref name="Subscriber"/> about lifecycle changes.</summary>
    /// <param name="Subscriber">Who was told.</param>
    public sealed record UnsubscribeLifecycleState(IActorRef Subscriber) : SupervisorMessage;
}
