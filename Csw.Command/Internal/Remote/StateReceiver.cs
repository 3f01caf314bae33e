using System.Threading.Channels;
using Akka.Actor;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// The client's end of a CurrentState subscription across processes: an actor the component tells
/// each state, which hands them to a bounded channel (oldest dropped when the reader falls behind,
/// as in-process subscriptions do). When the component's actor stops, the stream ends with an error.
/// </summary>
internal sealed class StateReceiver : ReceiveActor
{
    public StateReceiver(IActorRef component, ChannelWriter<CurrentState> states)
    {
        Context.Watch(component);
        Receive<CurrentState>(state => states.TryWrite(state));
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(component), _ =>
        {
            states.TryComplete(new CommandServiceException("Unavailable", $"{component.Path} stopped, or its process is gone; its CurrentState stream ended."));
            Context.Stop(Self);
        });
    }
}
