namespace Csw.Actors;

/// <summary>
/// A bounded buffer of messages the actor puts aside to handle later, e.g. while it is initializing.
/// </summary>
/// <typeparam name="T">The actor's message type.</typeparam>
public interface IStash<T>
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    /// <summary>How many messages the stash holds at most.</summary>
    int Capacity { get; }

    /// <summary>Puts a message aside.</summary>
    /// <param name="message">The message, usually the one being handled.</param>
    /// <exception cref="StashOverflowException">The stash is full.</exception>
    void Stash(T message);

    /// <summary>Hands every stashed message back, in the order stashed, ahead of the mailbox: they are the
    /// next messages the actor handles once the current handler returns.</summary>
    void UnstashAll();
}
