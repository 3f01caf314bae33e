using Akka.Actor;
using Csw.Params;
using Error = Csw.Params.Error;

namespace Csw.Crm.Internal;

/// <summary>
/// The CRM without a journal. Its <see cref="CrmState"/> lives in memory and is shared with the
/// <see cref="CommandResponseManager"/> facade, which changes it in the caller's thread (under the
/// state's lock) instead of sending a message here: recording a command's response or admitting a
/// request id costs no hop. The actor serves the asks (QueryAsync, QueryFinalAsync, RememberedAsync,
/// messages from outside), under the same lock, and answers every waiter still waiting when it stops.
/// Commands in progress are never forgotten, and a QueryFinal waiter always gets an answer: the
/// final response, or an Error when the CRM stops.
/// </summary>
internal sealed class CrmActor : ReceiveActor
{
    private readonly CrmState _state;

    public CrmActor(CrmState state)
    {
        _state = state;
        var outbox = DirectOutbox.Instance;
        Receive<UpdateCommand>(update => Locked(() => _state.Record(update.Response, outbox)));
        Receive<Respond>(respond => Locked(() => _state.Respond(respond.Response, respond.ReplyTo, respond.RequestId, respond.IsSubmit, outbox)));
        Receive<AdmitRequest>(admit =>
        {
            bool admitted;
            lock (_state)
            {
                admitted = _state.Admit(admit, outbox);
            }
            if (admitted)
            {
                admit.Requester.Tell(admit.Admitted);
            }
        });
        Receive<Query>(query => Locked(() => _state.Query(query.RunId, query.ReplyTo, outbox)));
        Receive<QueryFinal>(queryFinal => Locked(() => _state.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.GivesUpAt, outbox)));
        Receive<EndRunning>(end => Locked(() => _state.EndRunning(end.Reason, outbox)));
        Receive<GetRemembered>(get =>
        {
            List<Id> remembered;
            lock (_state)
            {
                remembered = [.. _state.Commands.OldestFirst().Select(entry => entry.RunId)];
            }
            get.ReplyTo.Tell(remembered);
        });
    }

    protected override void PostStop() => Locked(_state.AbandonWaiters);

    private void Locked(Action change)
    {
        lock (_state)
        {
            change();
        }
    }
}
