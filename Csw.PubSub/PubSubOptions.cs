namespace Csw.PubSub;

/// <summary>Settings of a <see cref="PubSub{TEvent}"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record PubSubOptions
{
    private readonly int _bufferSize = 1024;
    private readonly int _maxSubscribers = 1024;

    /// <summary>The defaults.</summary>
    public static PubSubOptions Default { get; } = new();

    /// <summary>
    /// How many events each subscriber's buffer holds; when a subscriber falls further behind, its
    /// oldest events are dropped (and counted in <see cref="Subscription{TEvent}.Dropped"/>). 1024 by default.
    /// </summary>
    public int BufferSize
    {
        get => _bufferSize;
        init => _bufferSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BufferSize), value, "A subscriber's buffer holds at least one event.");
    }

    /// <summary>
    /// How many subscribers it serves at once; 1024 by default. A subscription beyond it ends at
    /// once with a <see cref="SubscriberLimitException"/> (an actor subscriber is refused and the
    /// refusal logged), and the existing subscribers go on as before.
    /// </summary>
    public int MaxSubscribers
    {
        get => _maxSubscribers;
        init => _maxSubscribers = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxSubscribers), value, "A pub/sub serves at least one subscriber.");
    }
}
