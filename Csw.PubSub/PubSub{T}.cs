using Akka.Actor;
using Akka.Event;
using Csw.PubSub.Internal;

namespace Csw.PubSub;

/// <summary>
/// Publish/subscribe for one stream of events, such as a component's CurrentState or its
/// lifecycle changes. Backed by an actor; every method returns at once and is safe from any thread.
/// </summary>
/// <remarks>
/// A slow subscriber never slows the publisher or other subscribers: each subscription has its
/// own bounded buffer that drops its oldest events on overflow (<see cref="Subscription{TEvent}.Dropped"/>).
/// Per subscriber, events arrive in the order published. A subscriber actor that stops is removed.
/// </remarks>
/// <typeparam name="TEvent">The type of the events.</typeparam>
public sealed class PubSub<TEvent>
{
    /// <summary>How long <see cref="SubscriberCountAsync"/> waits for the actor.</summary>
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The actor doing the fan-out.</summary>
    private readonly IActorRef _actor;

    /// <summary>The settings.</summary>
    private readonly PubSubOptions _options;

    /// <summary>For failures of subscriber callbacks.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>Cancelled when the actor stops; every subscription ends then.</summary>
    private readonly CancellationToken _stopped;

    private PubSub(IActorRefFactory factory, ActorSystem system, string? name, Func<TEvent, string>? nameOf, PubSubOptions? options)
    {
        var stopped = new CancellationTokenSource();
        _stopped = stopped.Token;
        _options = options ?? PubSubOptions.Default;
        _log = Logging.GetLogger(system, typeof(PubSub<TEvent>));
        // A local, not _options.MaxSubscribers: Akka evaluates a member chain in the expression by compiling it.
        var maxSubscribers = _options.MaxSubscribers;
        var props = Props.Create(() => new PubSubActor<TEvent>(nameOf, stopped, maxSubscribers));
        _actor = factory.ActorOf(props, name);
    }

    /// <summary>The actor behind this pub/sub, e.g. to watch it.</summary>
    public IActorRef Actor => _actor;

    /// <summary>Starts a pub/sub as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="nameOf">The name of an event, which subscribers may filter on; no filtering when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static PubSub<TEvent> Start(ActorSystem system, string? name = null, Func<TEvent, string>? nameOf = null, PubSubOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(system, system, name, nameOf, options);
    }

    /// <summary>Starts a pub/sub as a child of an actor; it stops with its parent.</summary>
    /// <param name="parent">The parent's context.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="nameOf">The name of an event, which subscribers may filter on; no filtering when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static PubSub<TEvent> Start(IActorContext parent, string? name = null, Func<TEvent, string>? nameOf = null, PubSubOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new(parent, parent.System, name, nameOf, options);
    }

    /// <summary>Publishes an event to every subscriber whose filter admits it.</summary>
    /// <param name="published">The event.</param>
    public void Publish(TEvent published) => _actor.Tell(new Publish<TEvent>(published));

    /// <summary>Subscribes to all events, or only to those with the given names; read the result with <c>await foreach</c>.</summary>
    /// <param name="names">The names admitted; all when null.</param>
    /// <param name="bufferSize">This subscriber's buffer; <see cref="PubSubOptions.BufferSize"/> when null.</param>
    public Subscription<TEvent> Subscribe(IEnumerable<string>? names = null, int? bufferSize = null)
    {
        var size = bufferSize ?? _options.BufferSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(bufferSize));
        var subscription = new Subscription<TEvent>(size, s => _actor.Tell(new Unsubscribe(s)), _stopped);
        _actor.Tell(new Subscribe<TEvent>(new Subscriber<TEvent>(subscription, ToSet(names), subscription.Writer, null)));
        return subscription;
    }

    /// <summary>
    /// Subscribes a callback, called with one event at a time in publication order. A callback
    /// that throws is logged and goes on receiving. Dispose the result to unsubscribe.
    /// </summary>
    /// <param name="onEvent">Called for each event.</param>
    /// <param name="names">The names admitted; all when null.</param>
    /// <param name="bufferSize">The callback's buffer; <see cref="PubSubOptions.BufferSize"/> when null.</param>
    public Subscription<TEvent> Subscribe(Func<TEvent, ValueTask> onEvent, IEnumerable<string>? names = null, int? bufferSize = null)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var subscription = Subscribe(names, bufferSize);
        _ = PumpAsync(subscription, onEvent);
        return subscription;
    }

    /// <summary>
    /// Subscribes an actor: each event is told to it, so its mailbox is its buffer (nothing is
    /// dropped for it). Subscribing the same actor again replaces its filter. It is removed when
    /// it stops (it is watched).
    /// </summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="names">The names admitted; all when null.</param>
    public void Subscribe(IActorRef subscriber, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _actor.Tell(new Subscribe<TEvent>(new Subscriber<TEvent>(subscriber, ToSet(names), null, subscriber)));
    }

    /// <summary>Removes a subscriber actor.</summary>
    /// <param name="subscriber">The subscriber.</param>
    public void Unsubscribe(IActorRef subscriber) => _actor.Tell(new Unsubscribe(subscriber ?? throw new ArgumentNullException(nameof(subscriber))));

    /// <summary>How many subscribers there are once earlier calls have been handled.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<int> SubscriberCountAsync(CancellationToken cancellationToken = default) =>
        _actor.Ask<int>(replyTo => new GetSubscriberCount(replyTo), AskTimeout, cancellationToken);

    private static HashSet<string>? ToSet(IEnumerable<string>? names) => names is null ? null : new HashSet<string>(names, StringComparer.Ordinal);

    private async Task PumpAsync(Subscription<TEvent> subscription, Func<TEvent, ValueTask> onEvent)
    {
        // Run the callbacks off the caller's thread and context.
        await Task.Yield();
        await foreach (var item in ((IAsyncEnumerable<TEvent>)subscription).ConfigureAwait(false))
        {
            try
            {
                await onEvent(item).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.Error(e, "A subscriber callback of {0} failed on {1}; it keeps its subscription", _actor.Path, item);
            }
        }
    }
}
