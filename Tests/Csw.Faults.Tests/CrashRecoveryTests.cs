using System.Diagnostics;
using Csw.Crm;
using Csw.Faults.Tests.Support;
using Csw.Params;

namespace Csw.Faults.Tests;

/// <summary>Fault 2: <c>kill -9</c> of a journaled component process during long commands, then a restart.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int CommandCount = 1_000;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("csw-faults-").FullName;

    [Fact]
    public async Task Kill9DuringLongCommands_AfterRestartEveryQueryFinalIsCompletedOrInterrupted()
    {
        var runIds = new Id[CommandCount];
        await using (var first = await FaultHost.StartAsync(_dataDir))
        {
            var service = FaultHost.Connect(first.Port);
            // From 0 to 10 s: the shortest end before the kill, the rest are cut off by it.
            await Parallel.ForEachAsync(Enumerable.Range(0, CommandCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
                runIds[i] = Assert.IsType<Started>(await service.SubmitAsync(Commands.Long(ms: i * 10))).RunId);
            Assert.IsType<Completed>(await service.QueryFinalAsync(runIds[20]));
            await first.KillAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var second = await FaultHost.StartAsync(_dataDir);
        var restart = clock.Elapsed.TotalSeconds;
        var again = FaultHost.Connect(second.Port);
        var (completed, interrupted, unknown) = (0, 0, 0);
        foreach (var runId in runIds)
        {
            try
            {
                switch (await again.QueryFinalAsync(runId, TimeSpan.FromSeconds(10)))
                {
                    case Completed:
                        completed++;
                        break;
                    case Error error when error.Message.Contains("interrupted: the component restarted", StringComparison.Ordinal):
                        interrupted++;
                        break;
                    case var other:
                        Assert.Fail($"{runId}: {other}");
                        break;
                }
            }
            catch (UnknownCommandException)
            {
                unknown++;
            }
        }
        Figures.Report("crash_commands", CommandCount, "commands");
        Figures.Report("crash_completed_before_kill", completed, "commands");
        Figures.Report("crash_interrupted", interrupted, "commands");
        Figures.Report("crash_unknown", unknown, "commands");
        Figures.Report("crash_restart_until_serving", restart, "s");
        Assert.Equal(0, unknown);
        Assert.Equal(CommandCount, completed + interrupted);
        Assert.InRange(completed, 21, CommandCount - 1);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
