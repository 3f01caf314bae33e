namespace Csw.Actors;

/// <summary>
/// An actor that handles messages of type <typeparamref name="T"/>, one at a time.
/// </summary>
/// <remarks>
/// An actor is a plain class; <see cref="Props.Create{T}(Func{IActorContext{T}, IActor{T}})"/>
/// says how to make one. The actor never runs two handlers at once: when
/// <see cref="ReceiveAsync"/> returns an unfinished task, the next message waits until it finishes,
/// so fields need no locks. Long work that should not hold up the mailbox belongs off the actor:
/// start it, and hand its result back as a message with
/// <see cref="IActorContext{T}.PipeToSelf{TResult}(Task{TResult}, Func{TResult, T}, Func{Exception, T})"/>.
/// </remarks>
/// <typeparam name="T">The type of the messages this actor accepts.</typeparam>
public interface IActor<T>
{
    /// <summary>Handles one message. An exception is handled by the actor's <see cref="SupervisorStrategy"/>.</summary>
    /// <param name="context">The actor's own context: itself, its children, timers, stash, logger.</param>
    /// <param name="message">The message.</param>
    ValueTask ReceiveAsync(IActorContext<T> context, T message);

    /// <summary>
    /// Handles a lifecycle signal: <see cref="PreStart"/> before the first message,
    /// <see cref="PreRestart"/> before a restart, <see cref="PostStop"/> after stopping, and
    /// <see cref="Terminated"/> when a watched actor stops. The default does nothing.
    /// </summary>
    /// <param name="context">The actor's own context.</param>
    /// <param name="signal">The signal.</param>
    ValueTask OnSignalAsync(IActorContext<T> context, Signal signal) => ValueTask.CompletedTask;
}
