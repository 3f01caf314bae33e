using Akka.Actor;
using Csw.Params;

namespace Csw.Crm.Internal;

// The messages of the CrmActor.

/// <summary>Record a command's latest response: <c>Started</c> begins tracking it, a final response ends it.</summary>
internal sealed record UpdateCommand(ISubmitResponse Response);

/// <summary>Reply with the command's latest response, or an <c>Error</c> if the runId is unknown.</summary>
internal sealed record Query(Id RunId, IActorRef ReplyTo);

/// <summary>Reply with the command's final response, at once or when it arrives; an <c>Error</c> if the runId is unknown.</summary>
internal sealed record QueryFinal(Id RunId, IActorRef ReplyTo);

/// <summary>Reply with the runIds remembered, least recently used first.</summary>
internal sealed record GetRemembered(IActorRef ReplyTo);
