using Akka.Actor;
using Csw.Params;

namespace Csw.Crm.Internal;

// The messages of the CRM actor.

/// <summary>Record a command's latest response: <c>Started</c> begins tracking it, a final response ends it.</summary>
internal sealed record UpdateCommand(ISubmitResponse Response);

/// <summary>
/// Record the component's answer to a Submit (<paramref name="IsSubmit"/>, also the command's first
/// response) or a Oneway, then send it to <paramref name="ReplyTo"/> and to the repeats of
/// <paramref name="RequestId"/> that wait for it.
/// </summary>
internal sealed record Respond(ICommandResponse Response, IActorRef ReplyTo, string? RequestId, bool IsSubmit);

/// <summary>
/// A Submit or Oneway with a request id arrived: if the id is new, remember it with
/// <paramref name="RunId"/> and send <paramref name="Admitted"/> to <paramref name="Requester"/>;
/// if it is a repeat, answer <paramref name="ReplyTo"/> with the original answer (now or when it comes).
/// </summary>
internal sealed record AdmitRequest(string RequestId, Id RunId, string CommandName, bool IsSubmit, IActorRef ReplyTo, object Admitted, IActorRef Requester);

/// <summary>Reply with the command's latest response, or <c>Invalid(IdNotAvailableIssue)</c> if the runId is unknown.</summary>
internal sealed record Query(Id RunId, IActorRef ReplyTo);

/// <summary>
/// Reply with the command's final response, at once or when it arrives; <c>Invalid(IdNotAvailableIssue)</c>
/// if the runId is unknown. <paramref name="GivesUpAt"/> is when the caller stops waiting
/// (<see cref="Environment.TickCount64"/>), after which its place may go to another.
/// </summary>
internal sealed record QueryFinal(Id RunId, IActorRef ReplyTo, long GivesUpAt);

/// <summary>End every command still in progress with <c>Error(runId, Reason)</c>.</summary>
internal sealed record EndRunning(string Reason);

/// <summary>Reply with the runIds remembered, least recently used first.</summary>
internal sealed record GetRemembered(IActorRef ReplyTo);
