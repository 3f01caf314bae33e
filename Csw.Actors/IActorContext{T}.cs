using Microsoft.Extensions.Logging;

namespace Csw.Actors;

/// <summary>
/// An actor's view of itself and the system: its own reference, children, watches, timers,
/// stash and logger. Use it only from inside the actor's own handlers (not from other threads
/// or from tasks the handler starts and does not await).
/// </summary>
/// <typeparam name="T">The type of the messages the actor accepts.</typeparam>
public interface IActorContext<T>
{
    /// <summary>The actor's own reference.</summary>
    ActorRef<T> Self { get; }

    /// <summary>The system the actor runs in.</summary>
    ActorSystem System { get; }

    /// <summary>A logger whose category is the actor's class.</summary>
    ILogger Log { get; }

    /// <summary>The actor's live children.</summary>
    IReadOnlyCollection<ActorRef> Children { get; }

    /// <summary>Timers that send messages to this actor; all are cancelled when it restarts or stops.</summary>
    ITimerScheduler<T> Timers { get; }

    /// <summary>Messages put aside for later; its capacity is <see cref="Props{T}.StashCapacity"/>.</summary>
    IStash<T> Stash { get; }

    /// <summary>Starts a child actor. Children stop when their parent stops or restarts.</summary>
    /// <typeparam name="TChild">The child's message type.</typeparam>
    /// <param name="props">How to make the child.</param>
    /// <param name="name">A name unique among the siblings (no <c>/</c>); generated when null.</param>
    /// <exception cref="InvalidActorNameException">The name is taken or malformed.</exception>
    ActorRef<TChild> Spawn<TChild>(Props<TChild> props, string? name = null);

    /// <summary>Stops this actor (<see cref="Self"/>) or one of its children; any other actor is refused.</summary>
    /// <param name="actor">The actor to stop.</param>
    /// <exception cref="ArgumentException">The actor is neither this actor nor its child.</exception>
    void Stop(ActorRef actor);

    /// <summary>Sends this actor a <see cref="Terminated"/> signal when <paramref name="actor"/> stops,
    /// at once if it has already stopped.</summary>
    /// <param name="actor">The actor to watch.</param>
    void Watch(ActorRef actor);

    /// <summary>Sends this actor <paramref name="message"/> when <paramref name="actor"/> stops,
    /// at once if it has already stopped.</summary>
    /// <param name="actor">The actor to watch.</param>
    /// <param name="message">The message to receive instead of a <see cref="Terminated"/> signal.</param>
    void WatchWith(ActorRef actor, T message);

    /// <summary>Stops watching <paramref name="actor"/>; no notification of it arrives afterwards.</summary>
    /// <param name="actor">The watched actor.</param>
    void Unwatch(ActorRef actor);

    /// <summary>
    /// Sends this actor a message made from the outcome of <paramref name="task"/> once it finishes,
    /// so that long work runs off the actor while the actor keeps handling messages.
    /// </summary>
    /// <typeparam name="TResult">The task's result type.</typeparam>
    /// <param name="task">The work.</param>
    /// <param name="onSuccess">Makes the message from the result.</param>
    /// <param name="onFailure">Makes the message from the failure (also a cancellation).</param>
    void PipeToSelf<TResult>(Task<TResult> task, Func<TResult, T> onSuccess, Func<Exception, T> onFailure);

    /// <summary>A reference that turns messages of another type into this actor's messages,
    /// e.g. to receive replies from actors that answer with their own types.</summary>
    /// <typeparam name="TOther">The type the adapter accepts.</typeparam>
    /// <param name="map">Turns a message into this actor's message; runs on the sender's thread.</param>
    ActorRef<TOther> MessageAdapter<TOther>(Func<TOther, T> map);
}
