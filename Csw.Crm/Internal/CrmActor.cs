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
internal sealed class CrmActor : ReceiveActor
{
    private readonly CrmState _state;

    public CrmActor(CrmOptions options)
    {
        _state = new CrmState(options, Context.GetLogger());
        _state.Commands.SizeTag = CrmTelemetry.ComponentTag(Context.Parent.Path.Name);
        var outbox = DirectOutbox.Instance;
        Receive<UpdateCommand>(update => _state.Record(update.Response, outbox));
        Receive<Respond>(respond => _state.Respond(respond.Response, respond.ReplyTo, respond.RequestId, respond.IsSubmit, outbox));
        Receive<AdmitRequest>(admit =>
        {
            if (_state.Admit(admit, outbox))
            {
                admit.Requester.Tell(admit.Admitted);
            }
        });
        Receive<Query>(query => _state.Query(query.RunId, query.ReplyTo, outbox));
        Receive<QueryFinal>(queryFinal => _state.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.GivesUpAt, outbox));
        Receive<EndRunning>(end =>
        {
            foreach (var runId in _state.Running())
            {
                _state.Record(new Error(runId, end.Reason), outbox);
            }
        });
        Receive<GetRemembered>(get => get.ReplyTo.Tell(_state.Commands.OldestFirst().Select(entry => entry.RunId).ToList()));
    }

    protected override void PostStop() => _state.AbandonWaiters();
}
