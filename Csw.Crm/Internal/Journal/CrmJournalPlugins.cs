using Akka.Actor;
using Akka.Configuration;

namespace Csw.Crm.Internal.Journal;

/// <summary>
/// Gives each <see cref="CrmJournal"/> of an actor system its own Akka.Persistence.Sql journal and
/// snapshot-store plugins, configured on first use (so the actor system needs no persistence
/// settings of its own): one plugin pair, and so one database connection pool, per journal, shared
/// by every CRM that writes to it. The CRM journals bytes (<see cref="CrmJournalCodec"/>), so no
/// serializer needs registering.
/// </summary>
internal sealed class CrmJournalPlugins : IExtension
{
    private readonly ExtendedActorSystem _system;

    /// <summary>The plugin ids given so far, by journal; guarded by itself.</summary>
    private readonly Dictionary<CrmJournal, (string Journal, string Snapshots)> _ids = [];

    private CrmJournalPlugins(ExtendedActorSystem system) => _system = system;

    /// <summary>The journal and snapshot-store plugin ids for <paramref name="journal"/> in <paramref name="system"/>.</summary>
    public static (string Journal, string Snapshots) For(ActorSystem system, CrmJournal journal) =>
        Provider.Instance.Apply(system).Ids(journal);

    private (string Journal, string Snapshots) Ids(CrmJournal journal)
    {
        lock (_ids)
        {
            if (_ids.TryGetValue(journal, out var known))
            {
                return known;
            }
            var n = _ids.Count + 1;
            var ids = ($"csw.crm.journal-{n}", $"csw.crm.snapshot-store-{n}");
            if (journal.IsSqlite && Path.GetDirectoryName(journal.Description) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }
            _system.Settings.InjectTopLevelFallback(ConfigurationFactory.ParseString(
                Plugin(ids.Item1, "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql", journal)
                + Plugin(ids.Item2, "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql", journal)));
            _ids.Add(journal, ids);
            return ids;
        }
    }

    // Only what differs from the plugin's own defaults, which it falls back to.
    private static string Plugin(string id, string type, CrmJournal journal) => $$"""
        {{id}} {
          class = "{{type}}"
          plugin-id = "{{id}}"
          plugin-dispatcher = "akka.persistence.dispatchers.default-plugin-dispatcher"
          connection-string = {{Quote(journal.ConnectionString)}}
          provider-name = "{{journal.ProviderName}}"
          auto-initialize = on
        }

        """;

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed class Provider : ExtensionIdProvider<CrmJournalPlugins>
    {
        public static readonly Provider Instance = new();

        public override CrmJournalPlugins CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
