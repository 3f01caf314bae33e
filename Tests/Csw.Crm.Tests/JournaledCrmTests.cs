using Akka.Actor;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Crm.Tests;

/// <summary>
/// A CRM with a journal: what it recorded survives its restart. The same tests run against SQLite
/// in a temporary file (<see cref="SqliteJournaledCrmTests"/>) and a real PostgreSQL server
/// (<see cref="PostgreSqlJournaledCrmTests"/>).
/// </summary>
public abstract class JournaledCrmTests : ComponentTestKit
{
    /// <summary>The journal every CRM of a test writes to.</summary>
    protected abstract CrmJournal Journal { get; }

    /// <summary>Unique per test, so that tests sharing a database do not read each other's events.</summary>
    private readonly string _persistenceId = $"crm/TEST.journaled-{Guid.NewGuid():N}";

    private CrmOptions Options(int snapshotInterval = 10_000) => new()
    {
        Journal = Journal,
        PersistenceId = _persistenceId,
        SnapshotInterval = snapshotInterval,
    };

    [Fact]
    public async Task Restart_AfterRecording_FinalResponsesSurviveAndRunningEndInterrupted()
    {
        var crm = CommandResponseManager.Start(Sys, options: Options());
        var (done, running) = (new Id("done"), new Id("running"));
        crm.UpdateCommand(new Started(done));
        crm.UpdateCommand(new Completed(done));
        crm.UpdateCommand(new Started(running));
        Assert.IsType<Completed>(await crm.QueryFinalAsync(done));
        await StopAsync(crm);

        var again = CommandResponseManager.Start(Sys, options: Options());
        Assert.IsType<Completed>(await again.QueryFinalAsync(done));
        var error = Assert.IsType<Error>(await again.QueryFinalAsync(running));
        Assert.Contains("interrupted: the component restarted", error.Message);
    }

    [Fact]
    public async Task Restart_RequestIdRemembered_RepeatGetsOriginalAnswer()
    {
        var crm = CommandResponseManager.Start(Sys, options: Options());
        var requester = CreateTestProbe();
        var caller = CreateTestProbe();
        crm.AdmitRequest("req-1", new Id("run-1"), "move", isSubmit: true, caller.Ref, "run", requester.Ref);
        await requester.ExpectMsgAsync<string>();
        crm.RespondToSubmit(new Completed(new Id("run-1")), caller.Ref, "req-1");
        await caller.ExpectMsgAsync<Completed>();
        crm.AdmitRequest("req-2", new Id("run-2"), "move", isSubmit: true, caller.Ref, "run", requester.Ref);
        await requester.ExpectMsgAsync<string>();
        await StopAsync(crm);

        var again = CommandResponseManager.Start(Sys, options: Options());
        var repeat = CreateTestProbe();
        again.AdmitRequest("req-1", new Id("run-x"), "move", isSubmit: true, repeat.Ref, "run", requester.Ref);
        Assert.Equal(new Completed(new Id("run-1")), await repeat.ExpectMsgAsync<Completed>());
        // Admitted, but the restart came before it was answered: interrupted, and not run again.
        again.AdmitRequest("req-2", new Id("run-y"), "move", isSubmit: true, repeat.Ref, "run", requester.Ref);
        Assert.Contains("interrupted", (await repeat.ExpectMsgAsync<Error>()).Message);
        await requester.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.IsType<Error>(await again.QueryFinalAsync(new Id("run-2")));
    }

    [Fact]
    public async Task Restart_AfterSnapshots_RecoversEveryCommand()
    {
        var crm = CommandResponseManager.Start(Sys, options: Options(snapshotInterval: 7));
        var ids = Enumerable.Range(0, 40).Select(i => new Id($"snap-{i}")).ToArray();
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            crm.UpdateCommand(new Completed(id, new Result().Add(Keys.Int("n").Set(n))));
        }
        Assert.IsType<Completed>(await crm.QueryFinalAsync(ids[^1]));
        await StopAsync(crm);

        var again = CommandResponseManager.Start(Sys, options: Options(snapshotInterval: 7));
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            Assert.Equal(new Completed(id, new Result().Add(Keys.Int("n").Set(n))), await again.QueryAsync(id));
        }
    }

    private async Task StopAsync(CommandResponseManager crm)
    {
        await WatchAsync(crm.Actor);
        Sys.Stop(crm.Actor);
        await ExpectTerminatedAsync(crm.Actor);
    }
}

/// <summary>The journal in an SQLite file, the embedded default.</summary>
public sealed class SqliteJournaledCrmTests : JournaledCrmTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csw-crm-journal-").FullName;

    protected override CrmJournal Journal => CrmJournal.Sqlite(Path.Combine(_directory, "journal.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>The journal in a real PostgreSQL server, started once for these tests.</summary>
public sealed class PostgreSqlJournaledCrmTests(PostgreSqlJournaledCrmTests.Server server) : JournaledCrmTests, IClassFixture<PostgreSqlJournaledCrmTests.Server>
{
    protected override CrmJournal Journal => CrmJournal.PostgreSql(server.ConnectionString);

    /// <summary>One PostgreSQL for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private Csw.Tests.Shared.PostgresProcess? _process;

        public string ConnectionString => _process!.ConnectionString;

        public async Task InitializeAsync() => _process = await Csw.Tests.Shared.PostgresProcess.StartAsync();

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }
        }
    }
}
