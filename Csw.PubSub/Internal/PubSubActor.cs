using Csw.Actors;
using Microsoft.Extensions.Logging;

namespace Csw.PubSub.Internal;

/// <summary>
/// Fans events out to subscribers. Each subscriber has its own bounded buffer that drops its
/// oldest events on overflow, so a slow subscriber never slows the publisher or the others; per
/// subscriber, events keep the order in which they were published.
/// </summary>
internal sealed class PubSubActor<TEvent>(Func<TEvent, string>? nameOf, CancellationTokenSource stopped) : IActor<PubSubMessage<TEvent>>
{
    /// <summary>The subscribers, in subscription order.</summary>
    private readonly List<Subscriber<TEvent>> _subscribers = [];

    public ValueTask ReceiveAsync(IActorContext<PubSubMessage<TEvent>> context, PubSubMessage<TEvent> message)
    {
        switch (message)
        {
            case Publish<TEvent> publish:
                Deliver(publish.Event);
                break;
            case Subscribe<TEvent> subscribe:
                Add(context, subscribe.Subscriber);
                break;
            case Unsubscribe<TEvent> unsubscribe:
                Remove(context, unsubscribe.Identity);
                break;
            case SubscriberTerminated<TEvent> terminated:
                context.Log.LogDebug("Subscriber {Subscriber} stopped; removed", terminated.Identity);
                Remove(context, terminated.Identity);
                break;
            case GetSubscriberCount<TEvent> get:
                get.ReplyTo.Tell(_subscribers.Count);
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<PubSubMessage<TEvent>> context, Signal signal)
    {
        if (signal is PostStop)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Buffer?.TryComplete();
            }
            _subscribers.Clear();
            // Also ends subscriptions whose Subscribe was still queued when the actor stopped.
            stopped.Cancel();
        }
        return ValueTask.CompletedTask;
    }

    private void Deliver(TEvent published)
    {
        string? name = null;
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.Names is { } names && !names.Contains(name ??= nameOf?.Invoke(published) ?? ""))
            {
                continue;
            }
            subscriber.Deliver(published);
        }
    }

    private void Add(IActorContext<PubSubMessage<TEvent>> context, Subscriber<TEvent> subscriber)
    {
        var index = _subscribers.FindIndex(s => ReferenceEquals(s.Identity, subscriber.Identity));
        if (index >= 0)
        {
            // Subscribing again replaces the filter; events already delivered stay delivered.
            _subscribers[index] = _subscribers[index] with { Names = subscriber.Names };
            return;
        }
        _subscribers.Add(subscriber);
        if (subscriber.Actor is { } actor)
        {
            context.WatchWith(actor, new SubscriberTerminated<TEvent>(subscriber.Identity));
        }
    }

    private void Remove(IActorContext<PubSubMessage<TEvent>> context, object identity)
    {
        var index = _subscribers.FindIndex(s => ReferenceEquals(s.Identity, identity));
        if (index < 0)
        {
            return;
        }
        var subscriber = _subscribers[index];
        _subscribers.RemoveAt(index);
        subscriber.Buffer?.TryComplete();
        if (subscriber.Actor is { } actor)
        {
            context.Unwatch(actor);
        }
    }
}
