using Akka.Actor;
using Csw.Params;

namespace Csw.PubSub;

/// <summary>
/// A component's CurrentState stream: the component publishes, clients subscribe to all states
/// or to some state names. A thin wrapper over <see cref="PubSub{TEvent}"/>.
/// </summary>
public sealed class CurrentStatePublisher
{
    private CurrentStatePublisher(PubSub<CurrentState> pubSub) => PubSub = pubSub;

    /// <summary>The underlying pub/sub.</summary>
    public PubSub<CurrentState> PubSub { get; }

    /// <summary>Starts the stream as a child of a component's actor.</summary>
    /// <param name="parent">The parent's context.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CurrentStatePublisher Start(IActorContext parent, PubSubOptions? options = null) =>
        new(PubSub<CurrentState>.Start(parent, "current-state", NameOf, options));

    /// <summary>Starts the stream as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CurrentStatePublisher Start(ActorSystem system, string? name = null, PubSubOptions? options = null) =>
        new(PubSub<CurrentState>.Start(system, name, NameOf, options));

    /// <summary>Publishes a state to every subscriber whose filter admits its name.</summary>
    /// <param name="state">The state.</param>
    public void Publish(CurrentState state) => PubSub.Publish(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>Subscribes to all states, or only to those with the given names.</summary>
    /// <param name="names">The state names admitted; all when null or empty.</param>
    /// <param name="bufferSize">This subscriber's buffer; the default when null.</param>
    public Subscription<CurrentState> Subscribe(IEnumerable<StateName>? names = null, int? bufferSize = null) =>
        PubSub.Subscribe(Names(names), bufferSize);

    /// <summary>Subscribes an actor to all states, or only to those with the given names; again replaces the filter.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="names">The state names admitted; all when null or empty.</param>
    public void Subscribe(IActorRef subscriber, IEnumerable<StateName>? names = null) =>
        PubSub.Subscribe(subscriber, Names(names));

    /// <summary>Removes a subscriber actor.</summary>
    /// <param name="subscriber">The subscriber.</param>
    public void Unsubscribe(IActorRef subscriber) => PubSub.Unsubscribe(subscriber);

    private static string NameOf(CurrentState state) => state.StateName.Name;

    // CSW treats an empty list of names as "all states".
    private static IEnumerable<string>? Names(IEnumerable<StateName>? names)
    {
        var list = names?.Select(n => n.Name).ToList();
        return list is { Count: > 0 } ? list : null;
    }
}
