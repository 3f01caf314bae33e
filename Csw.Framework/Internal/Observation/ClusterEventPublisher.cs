using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Csw.Command;
using Csw.Params;
using Csw.PubSub;

namespace Csw.Framework.Internal.Observation;

/// <summary>
/// A component's voice in the cluster: subscribed to the component's CurrentState and lifecycle
/// changes, it publishes each as a <see cref="ComponentEvent"/> to the component's subsystem topic
/// through DistributedPubSub. A child of the supervisor, started only on a cluster member.
/// </summary>
internal sealed class ClusterEventPublisher : ReceiveActor
{
    public ClusterEventPublisher(ComponentId component)
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        var topic = ComponentTopics.For(component.Prefix.Subsystem);
        Receive<CurrentState>(state => Publish(mediator, topic, new ComponentEvent.StatePublished(component, state)));
        Receive<LifecycleStateChanged>(change => Publish(mediator, topic, new ComponentEvent.LifecycleChanged(component, change.State)));
    }

    /// <summary>
    /// On a cluster member, starts the component's publisher as a child of its supervisor and
    /// subscribes it to the component's states and lifecycle — here, before anything is published;
    /// null elsewhere.
    /// </summary>
    public static IActorRef? StartFor(IActorContext supervisor, ComponentInfo info, CurrentStatePublisher states, PubSub<LifecycleStateChanged> lifecycle)
    {
        if (!ComponentTopics.IsClusterMember(supervisor.System))
        {
            return null;
        }
        var component = new ComponentId(info.Prefix, info.ComponentType);
        var events = supervisor.ActorOf(Props.Create(() => new ClusterEventPublisher(component)), "cluster-events");
        states.Subscribe(events);
        lifecycle.Subscribe(events);
        return events;
    }

    /// <summary>
    /// Waits until <paramref name="events"/> has handled what it was told so far: the lifecycle
    /// publisher handed it the Shutdown change before answering its subscriber count, so once this
    /// answers too the change is on its way to the cluster, and stopping will not drop it.
    /// </summary>
    public static async Task FlushAsync(IActorRef? events)
    {
        if (events is not null)
        {
            await events.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    private static void Publish(IActorRef mediator, string topic, ComponentEvent componentEvent)
    {
        mediator.Tell(new Publish(topic, componentEvent));
        Telemetry.ComponentTelemetry.ClusterEventPublished(componentEvent.Component.Prefix);
    }
}
