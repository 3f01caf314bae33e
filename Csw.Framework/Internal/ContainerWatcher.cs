using System.Threading.Channels;
using Csw.Actors;
using Csw.Command;

namespace Csw.Framework.Internal;

/// <summary>What a container hears about its components.</summary>
internal abstract record ContainerEvent(ActorRef<ComponentMessage> Component);

/// <summary>A component's lifecycle state changed.</summary>
internal sealed record ComponentStateChanged(ActorRef<ComponentMessage> Component, SupervisorLifecycleState State) : ContainerEvent(Component);

/// <summary>A component's supervisor stopped: it has shut down and unregistered.</summary>
internal sealed record ComponentStopped(ActorRef<ComponentMessage> Component) : ContainerEvent(Component);

/// <summary>Subscribes to every component's lifecycle, watches them stop, and hands all of it to the container through a channel.</summary>
internal sealed class ContainerWatcher(IReadOnlyList<ActorRef<ComponentMessage>> components, ChannelWriter<ContainerEvent> events) : IActor<ContainerEvent>
{
    public ValueTask ReceiveAsync(IActorContext<ContainerEvent> context, ContainerEvent message)
    {
        events.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<ContainerEvent> context, Signal signal)
    {
        if (signal is PreStart)
        {
            var changes = context.MessageAdapter<LifecycleStateChanged>(change => new ComponentStateChanged(change.Component, change.State));
            foreach (var component in components)
            {
                context.WatchWith(component, new ComponentStopped(component));
                component.Tell(new SupervisorMessage.SubscribeLifecycleState(changes));
            }
        }
        return ValueTask.CompletedTask;
    }
}
