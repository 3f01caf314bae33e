namespace Csw.PubSub;

/// <summary>Settings of a <see cref="PubSub{TEvent}"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record PubSubOptions
{
    private readonly int _bufferSize = 1024;

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
}
