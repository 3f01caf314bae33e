using Akka.Actor;

namespace Csw.PubSub.Internal;

// The messages of the PubSubActor.

/// <summary>Deliver an event to every subscriber whose filter admits it.</summary>
internal sealed record Publish<TEvent>(TEvent Event);

/// <summary>Add a subscriber, or replace the filter of the subscriber with the same identity.</summary>
internal sealed record Subscribe<TEvent>(Subscriber<TEvent> Subscriber);

/// <summary>Remove the subscriber with this identity.</summary>
internal sealed record Unsubscribe(object Identity);

/// <summary>A subscriber actor has stopped.</summary>
internal sealed record SubscriberTerminated(object Identity);

/// <summary>Reply with the number of subscribers.</summary>
internal sealed record GetSubscriberCount(IActorRef ReplyTo);
