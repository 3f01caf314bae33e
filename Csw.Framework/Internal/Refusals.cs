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
        var runId = item.RunId ?? RunIds.New();
        CommandResponse? refusal = null;
        switch (item.Message)
        {
            case ComponentMessage.Validate validate:
                validate.ReplyTo.Tell(refusal = Refusal(runId, validate.Command, state));
                break;
            case ComponentMessage.Submit submit:
                var response = (ISubmitResponse)Refusal(runId, submit.Command, state);
                crm.RespondToSubmit(response, submit.ReplyTo, submit.RequestId);
                refusal = (CommandResponse)response;
                break;
            case ComponentMessage.Oneway oneway:
                crm.RespondToOneway((IOnewayResponse)(refusal = Refusal(runId, oneway.Command, state)), oneway.ReplyTo, oneway.RequestId);
                break;
        }
        if (refusal is not null)
        {
            telemetry.Refused((ComponentMessage)item.Message, refusal);
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
