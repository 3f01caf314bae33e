namespace Csw.PubSub.Internal;

// The messages of the PubSubActor.

/// <summary>A message to the <see cref="PubSubActor{TEvent}"/>.</summary>
internal abstract record PubSubMessage<TEvent>;

/// <summary>Deliver an event to every subscriber whose filter admits it.</summary>
internal sealed record Publish<TEvent>(TEvent Event) : PubSubMessage<TEvent>;

/// <summary>Add a subscriber, or replace the filter of the subscriber with the same identity.</summary>
internal sealed record Subscribe<TEvent>(Subscriber<TEvent> Subscriber) : PubSubMessage<TEvent>;

/// <summary>Remove the subscriber with this identity.</summary>
internal sealed record Unsubscribe<TEvent>(object Identity) : PubSubMessage<TEvent>;

/// <summary>A subscriber actor has stopped.</summary>
internal sealed record SubscriberTerminated<TEvent>(object Identity) : PubSubMessage<TEvent>;

/// <summary>Reply with the number of subscribers.</summary>
internal sealed record GetSubscriberCount<TEvent>(Csw.Actors.ActorRef<int> ReplyTo) : PubSubMessage<TEvent>;
