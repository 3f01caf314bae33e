using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// How a command gets into the handler lane: a Submit or Oneway with a request id is first admitted
/// by the CRM, which answers a repeat itself: at once without a journal, or, with one, once the id
/// is journaled, by sending the command back (<see cref="RequestAdmitted"/>); then the lock, the lane's limit and the lifecycle state decide between the lane and a
/// refusal. While initializing, commands wait in the (held) lane and run once the component is
/// Running. Used only from the supervisor's turn.
/// </summary>
internal sealed class CommandAdmission(Refusals refusals, LockManager lockManager, HandlerLane lane, CommandResponseManager crm, int maxQueued, IActorRef supervisor)
{
    /// <summary>Admits a command that came from a client, with its request id if it has one.</summary>
    public void Admit(ControlCommand command, ComponentMessage message, string? requestId, IActorRef replyTo, SupervisorLifecycleState state)
    {
        var item = new LaneItem(message, RunIds.New());
        if (requestId is null)
        {
            Admit(command, item, state);
            return;
        }
        if (!crm.IsJournaled)
        {
            // No journal to wait for: decided here, in this turn.
            if (crm.AdmitRequestNow(requestId, item.RunId!, command.CommandName.Name, message is ComponentMessage.Submit, replyTo))
            {
                Admit(command, item, state);
            }
            return;
        }
        crm.AdmitRequest(requestId, item.RunId!, command.CommandName.Name, message is ComponentMessage.Submit, replyTo, new RequestAdmitted(item, command), supervisor);
    }

    /// <summary>Queues a command for the handlers, or refuses it.</summary>
    public void Admit(ControlCommand command, LaneItem item, SupervisorLifecycleState state)
    {
        if (state == SupervisorLifecycleState.Shutdown || !lockManager.Allows(command.Source) || lane.Waiting >= maxQueued)
        {
            refusals.Refuse(item, state);
            return;
        }
        lane.Enqueue(item);
    }
}
