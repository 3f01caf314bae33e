namespace Csw.Crm;

/// <summary>
/// Where a CRM journals (Akka.Persistence through Akka.Persistence.Sql): an SQLite file, the
/// embedded default (<see cref="Sqlite"/>), or a PostgreSQL database (<see cref="PostgreSql"/>).
/// The CRMs of all components of a container share one journal; each writes under its own
/// persistence id. Immutable.
/// </summary>
public sealed record CrmJournal
{
    private CrmJournal(string providerName, string connectionString, string description)
    {
        ProviderName = providerName;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary>Linq2Db's provider name: <c>SQLite.MS</c> or <c>PostgreSQL.15</c>.</summary>
    public string ProviderName { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>What to show in logs: the file, or the database without its password.</summary>
    public string Description { get; }

    /// <summary>Whether this is the SQLite journal.</summary>
    public bool IsSqlite => ProviderName == SqliteProvider;

    internal const string SqliteProvider = "SQLite.MS";

    internal const string PostgreSqlProvider = "PostgreSQL.15";

    /// <summary>A journal in an SQLite file, created (with its directory) if missing.</summary>
    /// <param name="file">The file, e.g. <c>/var/lib/csw/wfos.db</c>.</param>
    public static CrmJournal Sqlite(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        return new(SqliteProvider, $"Data Source={path};Pooling=True", path);
    }

    /// <summary>The SQLite journal of a container under a data directory: <c>&lt;dataDir&gt;/&lt;container&gt;.db</c>.</summary>
    /// <param name="dataDir">The data directory.</param>
    /// <param name="containerName">The container's name; characters not allowed in a file name become '-'.</param>
    public static CrmJournal InDataDirectory(string dataDir, string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        var name = new string([.. containerName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]);
        return Sqlite(Path.Combine(dataDir, name + ".db"));
    }

    /// <summary>A journal in a PostgreSQL database (tables are created if missing).</summary>
    /// <param name="connectionString">An Npgsql connection string; keep it out of command lines and logs, it may hold a password.</param>
    public static CrmJournal PostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var host = connectionString.Split(';').Select(part => part.Split('=', 2)).FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return new(PostgreSqlProvider, connectionString, $"PostgreSQL at {host ?? "the default host"}");
    }

    /// <summary>The journal's description (never the connection string, which may hold a password).</summary>
    public override string ToString() => Description;
}
