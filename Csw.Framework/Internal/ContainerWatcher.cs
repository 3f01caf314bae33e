using System.Threading.Channels;
using Akka.Actor;
using Csw.Command;

namespace Csw.Framework.Internal;

/// <summary>What a container hears about its components.</summary>
internal abstract record ContainerEvent(IActorRef Component);

/// <summary>A component's lifecycle state changed.</summary>
internal sealed record ComponentStateChanged(IActorRef Component, SupervisorLifecycleState State, string? Reason) : ContainerEvent(Component);

/// <summary>A component's supervisor stopped: it has shut down and unregistered.</summary>
internal sealed record ComponentStopped(IActorRef Component) : ContainerEvent(Component);

/// <summary>The components a <see cref="ContainerWatcher"/> watches, once they are spawned.</summary>
internal sealed record WatchComponents(IReadOnlyList<IActorRef> Components);

/// <summary>
/// Hears every component's lifecycle (it is subscribed from their start, and asks each for its
/// current state), watches them stop, and hands all of it to the container through a channel.
/// </summary>
internal sealed class ContainerWatcher : ReceiveActor
{
    public ContainerWatcher(ChannelWriter<ContainerEvent> events)
    {
        Receive<LifecycleStateChanged>(change => events.TryWrite(new ComponentStateChanged(change.Component, change.State, change.Reason)));
        Receive<ComponentStopped>(stopped => events.TryWrite(stopped));
        Receive<WatchComponents>(watch =>
        {
            foreach (var component in watch.Components)
            {
                Context.WatchWith(component, new ComponentStopped(component));
                component.Tell(new SupervisorMessage.SubscribeLifecycleState(Self));
            }
        });
    }
}
