namespace Csw.Actors.Internal.Mailboxes;

/// <summary>What a mailbox hands its messages to. The mailbox knows nothing of actors.</summary>
internal interface IMessageInvoker<T>
{
    /// <summary>User messages per turn before the thread is handed to other actors.</summary>
    int Throughput { get; }

    /// <summary>Whether user messages must wait (not yet started, restarting, stopping).</summary>
    bool IsSuspended { get; }

    /// <summary>Handles a system message. The returned task never faults.</summary>
    ValueTask InvokeSystemAsync(SystemMessage message);

    /// <summary>Handles a user message. The returned task never faults.</summary>
    ValueTask InvokeUserAsync(T message);

    /// <summary>A bounded mailbox dropped this message.</summary>
    void OnDropped(T message);
}
