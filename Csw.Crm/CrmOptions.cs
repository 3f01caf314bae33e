namespace Csw.Crm;

/// <summary>Settings of a <see cref="CommandResponseManager"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record CrmOptions
{
    private readonly int _capacity = 10;
    private readonly TimeSpan _queryFinalTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The defaults.</summary>
    public static CrmOptions Default { get; } = new();

    /// <summary>
    /// How many commands are remembered, 10 by default. Beyond it the least recently used
    /// finished command is forgotten; commands still in progress are never forgotten.
    /// </summary>
    public int Capacity
    {
        get => _capacity;
        init => _capacity = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Capacity), value, "The CRM remembers at least one command.");
    }

    /// <summary>How long <see cref="CommandResponseManager.QueryFinalAsync"/> waits when no timeout is given; 1 minute.</summary>
    public TimeSpan QueryFinalTimeout
    {
        get => _queryFinalTimeout;
        init => _queryFinalTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(QueryFinalTimeout), value, "The timeout must be positive.");
    }
}
