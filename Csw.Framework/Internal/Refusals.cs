using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// Answers the commands a supervisor will never run: it is shutting down, another prefix holds the
/// lock, or too many commands wait already. A refused Submit is recorded in the CRM like any other.
/// Used only from the supervisor's turn.
/// </summary>
internal sealed class Refusals(ComponentInfo info, LockManager lockManager, HandlerLane lane, CommandResponseManager crm, Telemetry.ComponentTelemetry telemetry)
{
    /// <summary>Answers <paramref name="item"/> with the reason it will not run in <paramref name="state"/>.</summary>
    public void Refuse(LaneItem item, SupervisorLifecycleState state)
    {
        var command = item.Message switch
        {
            ComponentMessage.Validate validate => validate.Command,
            ComponentMessage.Submit submit => submit.Command,
            ComponentMessage.Oneway oneway => oneway.Command,
            _ => null,
        };
        if (command is null)
        {
            return;
        }
        var refusal = Refusal(item.RunId ?? RunIds.New(), command, state);
        // Counted before it is answered: whoever hears the answer also sees it in the metrics.
        telemetry.Refused((ComponentMessage)item.Message, refusal);
        switch (item.Message)
        {
            case ComponentMessage.Validate validate:
                validate.ReplyTo.Tell(refusal);
                break;
            case ComponentMessage.Submit submit:
                crm.RespondToSubmit((ISubmitResponse)refusal, submit.ReplyTo, submit.RequestId);
                break;
            case ComponentMessage.Oneway oneway:
                crm.RespondToOneway((IOnewayResponse)refusal, oneway.ReplyTo, oneway.RequestId);
                break;
        }
    }

    private CommandResponse Refusal(Id runId, ControlCommand command, SupervisorLifecycleState state)
    {
        if (state == SupervisorLifecycleState.Shutdown)
        {
            return new Invalid(runId, new CommandIssue(CommandIssueKind.WrongInternalStateIssue, $"{info} cannot run {command.CommandName} while {state}."));
        }
        if (!lockManager.Allows(command.Source))
        {
            return new Locked(runId);
        }
        var busy = info.ComponentType == ComponentType.Assembly ? CommandIssueKind.AssemblyBusyIssue : CommandIssueKind.HCDBusyIssue;
        return new Invalid(runId, new CommandIssue(busy, $"{info} is busy: {lane.Waiting} commands already wait for its handlers (the limit); {command.CommandName} was not run."));
    }
}
