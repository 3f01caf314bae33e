using Akka.Actor;
using Akka.Event;

namespace Csw.PubSub.Internal;

/// <summary>
/// Fans events out to subscribers. Each subscriber has its own bounded buffer that drops its
/// oldest events on overflow, so a slow subscriber never slows the publisher or the others; per
/// subscriber, events keep the order in which they were published.
/// </summary>
internal sealed class PubSubActor<TEvent> : UntypedActor
{
    /// <summary>The subscribers, in subscription order.</summary>
    private readonly List<Subscriber<TEvent>> _subscribers = [];

    /// <summary>The name of an event, for filters; no filtering when null.</summary>
    private readonly Func<TEvent, string>? _nameOf;

    /// <summary>Cancelled when this actor stops: ends subscriptions whose Subscribe never arrived.</summary>
    private readonly CancellationTokenSource _stopped;

    /// <summary>The most subscribers served at once.</summary>
    private readonly int _maxSubscribers;

    public PubSubActor(Func<TEvent, string>? nameOf, CancellationTokenSource stopped, int maxSubscribers)
    {
        _nameOf = nameOf;
        _stopped = stopped;
        _maxSubscribers = maxSubscribers;
    }

    // A switch, not ReceiveActor's handlers: those are delegates made per actor, about 400 bytes a pub/sub.
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Publish<TEvent> publish:
                Deliver(publish.Event);
                break;
            case Subscribe<TEvent> subscribe:
                Add(subscribe.Subscriber);
                break;
            case Unsubscribe unsubscribe:
                Remove(unsubscribe.Identity);
                break;
            case SubscriberTerminated terminated:
                Context.GetLogger().Debug("Subscriber {0} stopped; removed", terminated.Identity);
                Remove(terminated.Identity);
                break;
            case GetSubscriberCount get:
                get.ReplyTo.Tell(_subscribers.Count);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Complete();
        }
        _subscribers.Clear();
        _stopped.Cancel();
    }

    private void Deliver(TEvent published)
    {
        string? name = null;
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.Names is { } names && !names.Contains(name ??= _nameOf?.Invoke(published) ?? ""))
            {
                continue;
            }
            subscriber.Deliver(published);
        }
    }

    private void Add(Subscriber<TEvent> subscriber)
    {
        var index = _subscribers.FindIndex(s => Equals(s.Identity, subscriber.Identity));
        if (index >= 0)
        {
            // Subscribing again replaces the filter; events already delivered stay delivered.
            _subscribers[index] = _subscribers[index] with { Names = subscriber.Names };
            return;
        }
        if (_subscribers.Count >= _maxSubscribers)
        {
            var refusal = $"{Self.Path.Parent.Name}'s {Self.Path.Name} already serves {_maxSubscribers} subscribers, its limit.";
            Context.GetLogger().Warning("Refused subscriber {0}: {1}", subscriber.Identity, refusal);
            subscriber.Complete(new SubscriberLimitException(refusal));
            return;
        }
        _subscribers.Add(subscriber);
        if (subscriber.Actor is { } actor)
        {
            Context.WatchWith(actor, new SubscriberTerminated(subscriber.Identity));
        }
    }

    private void Remove(object identity)
    {
        var index = _subscribers.FindIndex(s => Equals(s.Identity, identity));
        if (index < 0)
        {
            return;
        }
        var subscriber = _subscribers[index];
        _subscribers.RemoveAt(index);
        subscriber.Complete();
        if (subscriber.Actor is { } actor)
        {
            Context.Unwatch(actor);
        }
    }
}
