using Akka.Actor;
using Akka.Event;
using Csw.Params;
using Error = Csw.Params.Error;

namespace Csw.Crm.Internal;

/// <summary>
/// The CRM without a journal: its <see cref="CrmState"/> in memory, every answer told at once.
/// Commands in progress are never forgotten, and a QueryFinal waiter always gets an answer: the
/// final response, or an Error when the CRM stops.
/// </summary>
internal sealed class CrmActor : UntypedActor
{
    private readonly CrmState _state;
    private static DirectOutbox Outbox => DirectOutbox.Instance;

    public CrmActor(CrmOptions options)
    {
        _state = new CrmState(options, Context.GetLogger());
        _state.Commands.SizeTag = CrmTelemetry.ComponentTag(Context.Parent.Path.Name);
    }

    // A switch, not ReceiveActor's handlers: those are delegates made per actor, about 500 bytes a CRM.
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case UpdateCommand update:
                _state.Record(update.Response, Outbox);
                break;
            case Respond respond:
                _state.Respond(respond.Response, respond.ReplyTo, respond.RequestId, respond.IsSubmit, Outbox);
                break;
            case AdmitRequest admit:
                if (_state.Admit(admit, Outbox))
                {
                    admit.Requester.Tell(admit.Admitted);
                }
                break;
            case Query query:
                _state.Query(query.RunId, query.ReplyTo, Outbox);
                break;
            case QueryFinal queryFinal:
                _state.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.GivesUpAt, Outbox);
                break;
            case EndRunning end:
                foreach (var runId in _state.Running())
                {
                    _state.Record(new Error(runId, end.Reason), Outbox);
                }
                break;
            case GetRemembered get:
                get.ReplyTo.Tell(_state.Commands.OldestFirst().Select(entry => entry.RunId).ToList());
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop() => _state.AbandonWaiters();
}
