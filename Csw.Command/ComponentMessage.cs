using System.Diagnostics;
using Akka.Actor;
using Csw.Params;
using Csw.PubSub;

namespace Csw.Command;

/// <summary>
/// The messages a component's supervisor accepts from command clients. Each carries the address
/// its answer goes to (as CSW's do), so that the answer can go to another actor than the sender. The supervisor (Csw.Framework) adds its own kinds (locking, lifecycle).
/// </summary>
public abstract record ComponentMessage
{
    /// <summary>
    /// The caller's trace context (W3C), so that the component's span of a command is a child of the
    /// caller's: the command services of this process set it from <see cref="Activity.Current"/>;
    /// none (the default) when the caller is not traced.
    /// </summary>
    public ActivityContext TraceParent { get; init; }

    /// <summary>
    /// When the caller stops waiting for the answer (UTC): a command still waiting for the handlers
    /// then is not run (a Submit is answered, and recorded, as <see cref="Cancelled"/>). No limit when null.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Check a command without running it: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the <see cref="IValidateResponse"/> goes.</param>
    public sealed record Validate(ControlCommand Command, IActorRef ReplyTo) : ComponentMessage;

    /// <summary>Validate and run a command; the first response may be <see cref="Started"/>, the final one comes through the CRM.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the first <see cref="ISubmitResponse"/> goes.</param>
    public sealed record Submit(ControlCommand Command, IActorRef ReplyTo) : ComponentMessage
    {
        /// <summary>
        /// The client's id for this request, the same in each retry: the component remembers recent
        /// ones (<c>CrmOptions.RequestIdRetention</c>) and answers a repeat with the original runId and
        /// response, without running the command again. None when null.
        /// </summary>
        public string? RequestId { get; init; }
    }

    /// <summary>Validate a command, answer at once, then run it with no completion reported.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the <see cref="IOnewayResponse"/> goes.</param>
    public sealed record Oneway(ControlCommand Command, IActorRef ReplyTo) : ComponentMessage
    {
        /// <summary>The client's id for this request, as <see cref="Submit.RequestId"/>: a repeat gets the original answer and does not run again.</summary>
        public string? RequestId { get; init; }
    }

    /// <summary>The latest response of a submitted command; <c>Invalid(runId, IdNotAvailableIssue)</c> if the component does not know the runId.</summary>
    /// <param name="RunId">The command's runId.</param>
    /// <param name="ReplyTo">Where the <see cref="ISubmitResponse"/> goes.</param>
    public sealed record Query(Id RunId, IActorRef ReplyTo) : ComponentMessage;

    /// <summary>
    /// The final response of a submitted command, when there is one; <c>Invalid(runId, IdNotAvailableIssue)</c>
    /// at once if the component does not know the runId. After <see cref="ComponentMessage.Deadline"/>
    /// the caller's place among the command's waiters may go to another.
    /// </summary>
    /// <param name="RunId">The command's runId.</param>
    /// <param name="ReplyTo">Where the final <see cref="ISubmitResponse"/> goes (or a <see cref="Status.Failure"/> holding a <c>WaiterLimitException</c> when too many callers wait).</param>
    public sealed record QueryFinal(Id RunId, IActorRef ReplyTo) : ComponentMessage;

    /// <summary>Subscribe to the component's CurrentState (in-process: the reply is the subscription itself).</summary>
    /// <param name="Names">The state names wanted; all when null or empty.</param>
    /// <param name="ReplyTo">Where the <see cref="Subscription{TEvent}"/> of <see cref="CurrentState"/> goes.</param>
    public sealed record SubscribeCurrentState(IReadOnlyList<StateName>? Names, IActorRef ReplyTo) : ComponentMessage;

    /// <summary>
    /// Subscribe an actor to the component's CurrentState (the form that works across processes):
    /// each state is told to <paramref name="Subscriber"/>, until it stops or unsubscribes. The
    /// component answers a <see cref="Status.Success"/> holding the subscriber once the subscription
    /// is in place, so that a state published after a later command reaches it.
    /// </summary>
    /// <param name="Names">The state names wanted; all when null or empty.</param>
    /// <param name="Subscriber">Who receives the <see cref="CurrentState"/> messages; watched, and removed when it stops.</param>
    /// <param name="ReplyTo">Where the acknowledgement goes.</param>
    public sealed record SubscribeCurrentStateTo(IReadOnlyList<StateName>? Names, IActorRef Subscriber, IActorRef ReplyTo) : ComponentMessage;

    /// <summary>Stop telling <paramref name="Subscriber"/> the component's CurrentState.</summary>
    /// <param name="Subscriber">The subscriber of <see cref="SubscribeCurrentStateTo"/>.</param>
    public sealed record UnsubscribeCurrentState(IActorRef Subscriber) : ComponentMessage;
}
