namespace Csw.Actors;

/// <summary>
/// An actor's mailbox: unbounded (the default), or bounded with a policy for a full mailbox.
/// </summary>
public sealed record MailboxOptions
{
    private MailboxOptions(int? capacity, MailboxOverflowPolicy overflow)
    {
        Capacity = capacity;
        Overflow = overflow;
    }

    /// <summary>A mailbox that grows as needed.</summary>
    public static MailboxOptions Unbounded { get; } = new(null, MailboxOverflowPolicy.DropNewest);

    /// <summary>The most messages the mailbox holds; null when unbounded.</summary>
    public int? Capacity { get; }

    /// <summary>What a full bounded mailbox does with one more message.</summary>
    public MailboxOverflowPolicy Overflow { get; }

    /// <summary>A mailbox holding at most <paramref name="capacity"/> messages.</summary>
    /// <param name="capacity">The capacity, at least 1.</param>
    /// <param name="overflow">What to do when it is full.</param>
    public static MailboxOptions Bounded(int capacity, MailboxOverflowPolicy overflow) =>
        capacity >= 1
            ? new MailboxOptions(capacity, overflow)
            : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A bounded mailbox holds at least one message.");
}
