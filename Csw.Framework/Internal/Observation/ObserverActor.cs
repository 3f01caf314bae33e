using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace Csw.Framework.Internal.Observation;

/// <summary>
/// The local end of an observation: subscribes to the topics, says when every subscription is in
/// place on this member, and hands the events that pass the filter to a channel.
/// </summary>
internal sealed class ObserverActor : ReceiveActor
{
    private readonly IReadOnlyList<string> _topics;
    private readonly HashSet<string> _acknowledged = [];

    public ObserverActor(IReadOnlyList<string> topics, Func<ComponentEvent, bool> admits, ChannelWriter<ComponentEvent> events, TaskCompletionSource subscribed)
    {
        _topics = topics;
        Receive<SubscribeAck>(ack =>
        {
            _acknowledged.Add(ack.Subscribe.Topic);
            if (_acknowledged.Count == _topics.Count)
            {
                subscribed.TrySetResult();
            }
        });
        Receive<ComponentEvent>(change =>
        {
            if (admits(change))
            {
                events.TryWrite(change);
            }
        });
    }

    protected override void PreStart()
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        foreach (var topic in _topics)
        {
            mediator.Tell(new Subscribe(topic, Self));
        }
    }
}
