namespace Csw.Crm;

/// <summary>Settings of a <see cref="CommandResponseManager"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record CrmOptions
{
    private readonly int _capacity = 10;
    private readonly TimeSpan _queryFinalTimeout = TimeSpan.FromMinutes(1);
    private readonly int _maxWaitersPerCommand = 1024;
    private readonly TimeSpan _retention = TimeSpan.FromMinutes(1);
    private readonly int _maxRetained = 100_000;
    private readonly TimeSpan _requestIdRetention = TimeSpan.FromMinutes(1);
    private readonly int _maxRequestIds = 100_000;
    private readonly int _snapshotInterval = 10_000;

    /// <summary>The defaults.</summary>
    public static CrmOptions Default { get; } = new();

    /// <summary>
    /// How many commands are always remembered, 10 by default. Beyond it the least recently used
    /// finished command is forgotten once it is older than <see cref="Retention"/>; commands still
    /// in progress are never forgotten.
    /// </summary>
    public int Capacity
    {
        get => _capacity;
        init => _capacity = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Capacity), value, "The CRM remembers at least one command.");
    }

    /// <summary>
    /// How long a finished command is remembered at least after it was last updated or queried,
    /// beside <see cref="Capacity"/>; 1 minute by default, the final-response timeout of the command
    /// services, so that a caller who asks again within its timeout finds the command.
    /// <see cref="TimeSpan.Zero"/> keeps only <see cref="Capacity"/> commands.
    /// </summary>
    public TimeSpan Retention
    {
        get => _retention;
        init => _retention = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Retention), value, "The retention is zero or more.");
    }

    /// <summary>
    /// The most finished commands kept for <see cref="Retention"/>, 100,000 by default: at higher
    /// rates the least recently used are forgotten sooner, so that memory stays bounded. A
    /// forgotten command is answered as unknown, never with a made-up outcome.
    /// </summary>
    public int MaxRetained
    {
        get => _maxRetained;
        init => _maxRetained = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetained), value, "At least one command is retained.");
    }

    /// <summary>How long <see cref="CommandResponseManager.QueryFinalAsync"/> waits when no timeout is given; 1 minute.</summary>
    public TimeSpan QueryFinalTimeout
    {
        get => _queryFinalTimeout;
        init => _queryFinalTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(QueryFinalTimeout), value, "The timeout must be positive.");
    }

    /// <summary>
    /// How many QueryFinal callers may wait for one command at once; 1024 by default. Callers whose
    /// own timeout has passed are dropped first; one more beyond the limit is answered at once with
    /// a <see cref="WaiterLimitException"/> (the command goes on, and the waiters already there are
    /// answered as usual).
    /// </summary>
    public int MaxWaitersPerCommand
    {
        get => _maxWaitersPerCommand;
        init => _maxWaitersPerCommand = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxWaitersPerCommand), value, "At least one caller may wait for a command.");
    }

    /// <summary>
    /// How long a request id is remembered after its command was answered, so that a repeat gets
    /// the original answer instead of running the command again; 1 minute by default.
    /// </summary>
    public TimeSpan RequestIdRetention
    {
        get => _requestIdRetention;
        init => _requestIdRetention = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(RequestIdRetention), value, "The retention is zero or more.");
    }

    /// <summary>The most request ids remembered, 100,000 by default: beyond it the oldest answered one is forgotten sooner than <see cref="RequestIdRetention"/>.</summary>
    public int MaxRequestIds
    {
        get => _maxRequestIds;
        init => _maxRequestIds = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRequestIds), value, "At least one request id is remembered.");
    }

    /// <summary>
    /// Where the CRM journals its commands and request ids, so that they survive a crash or restart
    /// of the process; null (the default) keeps them in memory only. Needs <see cref="PersistenceId"/>.
    /// </summary>
    public CrmJournal? Journal { get; init; }

    /// <summary>The CRM's identity in the journal, e.g. <c>crm/WFOS.blue.filter</c> (a component sets its own from its prefix).</summary>
    public string? PersistenceId { get; init; }

    /// <summary>With a journal, a snapshot is saved after this many events (and older events deleted), so that recovery stays fast; 10,000.</summary>
    public int SnapshotInterval
    {
        get => _snapshotInterval;
        init => _snapshotInterval = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SnapshotInterval), value, "At least one event between snapshots.");
    }
}
