namespace Csw.Actors;

/// <summary>
/// Everything needed to start an actor: how to make an instance, its mailbox, its supervision
/// and its stash capacity. Immutable; change it with the <c>With...</c> methods.
/// </summary>
/// <typeparam name="T">The actor's message type.</typeparam>
public sealed record Props<T>
{
    /// <summary>Creates props from a factory that is called on the actor's thread at start and at each restart.</summary>
    /// <param name="factory">Makes a fresh actor instance; it may use the context (spawn children, start timers).</param>
    public Props(Func<IActorContext<T>, IActor<T>> factory)
    {
        Factory = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    /// <summary>Makes a fresh actor instance.</summary>
    public Func<IActorContext<T>, IActor<T>> Factory { get; }

    /// <summary>The mailbox; unbounded by default.</summary>
    public MailboxOptions Mailbox { get; init; } = MailboxOptions.Unbounded;

    /// <summary>What happens when a handler throws; <see cref="SupervisorStrategy.Default"/> by default.</summary>
    public SupervisorStrategy Supervision { get; init; } = SupervisorStrategy.Default;

    /// <summary>How many messages the actor's stash holds at most; 1000 by default.</summary>
    public int StashCapacity { get; init; } = 1000;

    /// <summary>Returns a copy with another mailbox.</summary>
    /// <param name="mailbox">The mailbox options.</param>
    public Props<T> WithMailbox(MailboxOptions mailbox) => this with { Mailbox = mailbox ?? throw new ArgumentNullException(nameof(mailbox)) };

    /// <summary>Returns a copy with another supervisor strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    public Props<T> WithSupervision(SupervisorStrategy strategy) => this with { Supervision = strategy ?? throw new ArgumentNullException(nameof(strategy)) };

    /// <summary>Returns a copy with another stash capacity.</summary>
    /// <param name="capacity">The capacity, at least 0.</param>
    public Props<T> WithStashCapacity(int capacity) => this with { StashCapacity = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The stash capacity cannot be negative.") };
}
