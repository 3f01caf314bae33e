using Akka.Actor;
using Csw.Crm;

namespace Csw.Framework.Internal;

/// <summary>
/// Where a container's CRMs journal when <see cref="ComponentOptions.Crm"/> names no journal: the
/// actor system's HOCON, <c>csw.journal.postgresql = "&lt;connection string&gt;"</c> (PostgreSQL), else
/// <c>csw.journal.data-dir = "/var/lib/csw"</c> (an SQLite file per container under it); none by
/// default, which keeps the CRMs in memory.
/// </summary>
internal static class JournalSettings
{
    public const string DataDirPath = "csw.journal.data-dir";

    public const string PostgreSqlPath = "csw.journal.postgresql";

    /// <summary>A component's CRM settings: journaled as <c>crm/&lt;prefix&gt;</c> when a journal is configured.</summary>
    public static CrmOptions ForComponent(ComponentInfo info, CrmOptions options) =>
        options.Journal is not null && options.PersistenceId is null ? options with { PersistenceId = $"crm/{info.Prefix}" } : options;

    public static ComponentOptions Resolve(ActorSystem system, string containerName, ComponentOptions options)
    {
        if (options.Crm.Journal is not null)
        {
            return options;
        }
        var config = system.Settings.Config;
        var journal = config.GetString(PostgreSqlPath, null) is { Length: > 0 } connectionString
            ? CrmJournal.PostgreSql(connectionString)
            : config.GetString(DataDirPath, null) is { Length: > 0 } dataDir
                ? CrmJournal.InDataDirectory(dataDir, containerName)
                : null;
        return journal is null ? options : options with { Crm = options.Crm with { Journal = journal } };
    }
}
