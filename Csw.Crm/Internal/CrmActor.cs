using Akka.Actor;

namespace Csw.Crm.Internal;

/// <summary>
/// The CRM without a journal. Its <see cref="CrmState"/> lives in memory, in the
/// <see cref="CommandResponseManager"/> wrapper, which changes and reads it in the caller's thread
/// under a lock on it: recording a response, admitting a request id and every query cost no message
/// to an actor. The actor gives the CRM its place among the component's children: it stops with
/// the component, and then answers every QueryFinal waiter still waiting with an Error.
/// </summary>
internal sealed class CrmActor(CrmState state) : UntypedActor
{
    protected override void OnReceive(object message) => Unhandled(message);

    protected override void PostStop()
    {
        lock (state)
        {
            state.AbandonWaiters();
        }
    }
}
