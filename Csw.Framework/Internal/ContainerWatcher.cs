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

/// <summary>Subscribes to every component's lifecycle, watches them stop, and hands all of it to the container through a channel.</summary>
internal sealed class ContainerWatcher : ReceiveActor
{
    private readonly IReadOnlyList<IActorRef> _components;

    public ContainerWatcher(IReadOnlyList<IActorRef> components, ChannelWriter<ContainerEvent> events)
    {
        _components = components;
        Receive<LifecycleStateChanged>(change => events.TryWrite(new ComponentStateChanged(change.Component, change.State, change.Reason)));
        Receive<ComponentStopped>(stopped => events.TryWrite(stopped));
    }

    protected override void PreStart()
    {
        foreach (var component in _components)
        {
            Context.WatchWith(component, new ComponentStopped(component));
            component.Tell(new SupervisorMessage.SubscribeLifecycleState(Self));
        }
    }
}
