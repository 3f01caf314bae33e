using Csw.Actors;
using Csw.Params;
using Csw.PubSub;

namespace Csw.Command;

/// <summary>
/// The messages a component's supervisor accepts from command clients. Each carries the address
/// its answer goes to. The supervisor (Csw.Framework) adds its own kinds (locking, lifecycle).
/// </summary>
public abstract record ComponentMessage
{
    /// <summary>Check a command without running it: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the answer goes.</param>
    public sealed record Validate(ControlCommand Command, ActorRef<IValidateResponse> ReplyTo) : ComponentMessage;

    /// <summary>Validate and run a command; the first response may be <see cref="Started"/>, the final one comes through the CRM.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the first response goes.</param>
    public sealed record Submit(ControlCommand Command, ActorRef<ISubmitResponse> ReplyTo) : ComponentMessage;

    /// <summary>Validate a command, answer at once, then run it with no completion reported.</summary>
    /// <param name="Command">The command.</param>
    /// <param name="ReplyTo">Where the answer goes.</param>
    public sealed record Oneway(ControlCommand Command, ActorRef<IOnewayResponse> ReplyTo) : ComponentMessage;

    /// <summary>The latest response of a submitted command.</summary>
    /// <param name="RunId">The command's runId.</param>
    /// <param name="ReplyTo">Where the answer goes.</param>
    public sealed record Query(Id RunId, ActorRef<ISubmitResponse> ReplyTo) : ComponentMessage;

    /// <summary>The final response of a submitted command, when there is one.</summary>
    /// <param name="RunId">The command's runId.</param>
    /// <param name="ReplyTo">Where the answer goes.</param>
    public sealed record QueryFinal(Id RunId, ActorRef<ISubmitResponse> ReplyTo) : ComponentMessage;

    /// <summary>Subscribe to the component's CurrentState (in-process: the reply is the subscription itself).</summary>
    /// <param name="Names">The state names wanted; all when null or empty.</param>
    /// <param name="ReplyTo">Where the subscription goes.</param>
    public sealed record SubscribeCurrentState(IReadOnlyList<StateName>? Names, ActorRef<Subscription<CurrentState>> ReplyTo) : ComponentMessage;
}
