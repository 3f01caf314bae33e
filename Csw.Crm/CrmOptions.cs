namespace Csw.Crm;

/// <summary>Settings of a <see cref="CommandResponseManager"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record CrmOptions
{
    private readonly int _capacity = 10;
    private readonly TimeSpan _queryFinalTimeout = TimeSpan.FromMinutes(1);
    private readonly int _maxWaitersPerCommand = 1024;

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

    /// <summary>
    /// How many QueryFinal callers may wait for one command at once; 1024 by default. One more is
    /// answered at once with a <see cref="WaiterLimitException"/> (the command goes on, and the
    /// waiters already there are answered as usual).
    /// </summary>
    public int MaxWaitersPerCommand
    {
        get => _maxWaitersPerCommand;
        init => _maxWaitersPerCommand = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxWaitersPerCommand), value, "At least one caller may wait for a command.");
    }
}
