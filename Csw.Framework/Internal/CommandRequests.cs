using Akka.Actor;
using Csw.Command;
using Csw.Command.Internal.Remote;
using Csw.Crm;
using Csw.PubSub;

namespace Csw.Framework.Internal;

/// <summary>
/// The supervisor's side of the command protocol (<see cref="ComponentMessage"/>): commands go in
/// through <see cref="CommandAdmission"/>, queries to the CRM, CurrentState subscriptions to the
/// publisher, and a client's batch (from another process) command by command, each as if it came
/// alone, in the same turn. Used only from the supervisor's turn.
/// </summary>
internal sealed class CommandRequests(CommandAdmission admission, CommandResponseManager crm, CurrentStatePublisher publisher)
{
    /// <summary>Handles <paramref name="message"/> if it is one of these; whether it was.</summary>
    public bool Handle(object message, SupervisorLifecycleState state)
    {
        switch (message)
        {
            case ComponentMessage.Validate validate:
                admission.Admit(validate.Command, validate, null, validate.ReplyTo, state);
                return true;
            case ComponentMessage.Submit submit:
                admission.Admit(submit.Command, submit, submit.RequestId, submit.ReplyTo, state);
                return true;
            case ComponentMessage.Oneway oneway:
                admission.Admit(oneway.Command, oneway, oneway.RequestId, oneway.ReplyTo, state);
                return true;
            case CommandBatch batch:
                foreach (var command in batch.Messages)
                {
                    Handle(command, state);
                }
                return true;
            case RequestAdmitted admitted:
                admission.Admit(admitted.Command, admitted.Item, state);
                return true;
            case ComponentMessage.Query query:
                crm.Query(query.RunId, query.ReplyTo);
                return true;
            case ComponentMessage.QueryFinal queryFinal:
                crm.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.Deadline);
                return true;
            case ComponentMessage.SubscribeCurrentState subscribe:
                subscribe.ReplyTo.Tell(publisher.Subscribe(subscribe.Names));
                return true;
            case ComponentMessage.SubscribeCurrentStateTo subscribe:
                // Told to the publisher before the acknowledgement: whatever the caller sends after it is published later.
                publisher.Subscribe(subscribe.Subscriber, subscribe.Names);
                subscribe.ReplyTo.Tell(new Status.Success(subscribe.Subscriber));
                return true;
            case ComponentMessage.UnsubscribeCurrentState unsubscribe:
                publisher.Unsubscribe(unsubscribe.Subscriber);
                return true;
            default:
                return false;
        }
    }
}
