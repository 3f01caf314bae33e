using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Csw.Params;

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
        Receive<CurrentState>(state => mediator.Tell(new Publish(topic, new ComponentEvent.StatePublished(component, state))));
        Receive<LifecycleStateChanged>(change => mediator.Tell(new Publish(topic, new ComponentEvent.LifecycleChanged(component, change.State))));
    }
}
