namespace Csw.Actors;

/// <summary>What a full bounded mailbox does with one more message.</summary>
public enum MailboxOverflowPolicy
{
    /// <summary>The new message becomes a dead letter.</summary>
    DropNewest,

    /// <summary>The oldest waiting message becomes a dead letter and the new one is queued.</summary>
    DropOldest,

    /// <summary><see cref="ActorRef{T}.Tell"/> throws <see cref="MailboxFullException"/>.</summary>
    FailSender,
}
