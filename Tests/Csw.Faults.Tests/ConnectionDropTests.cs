using System.Collections.Concurrent;
using System.Diagnostics;
using Csw.Faults.Tests.Support;
using Csw.Params;

namespace Csw.Faults.Tests;

/// <summary>Fault 1: submits through a proxy that breaks every connection every few hundred milliseconds.</summary>
public sealed class ConnectionDropTests
{
    private const int CommandCount = 100_000;

    [Fact]
    public async Task Submit_100kThroughAProxyDroppingConnections_EachRunsOnceAndGetsExactlyOneFinalResponse()
    {
        await using var host = await FaultHost.StartAsync();
        await using var proxy = new TcpProxy(host.Port);
        var service = FaultHost.Connect(proxy.Port);
        var finals = new int[CommandCount];
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var dropping = proxy.DropEveryAsync(TimeSpan.FromMilliseconds(300), stop.Token);
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, CommandCount), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
        {
            try
            {
                var first = await service.SubmitAsync(Commands.Work(n));
                var final = first is Started ? await service.QueryFinalAsync(first.RunId) : first;
                if (final is Completed)
                {
                    Interlocked.Increment(ref finals[n]);
                }
                else
                {
                    failures.Enqueue($"{n}: {final}");
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"{n}: {e.GetType().Name}: {e.Message}");
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await dropping;

        var (executions, distinct, duplicates) = await Commands.StatsAsync(FaultHost.Connect(host.Port));
        Figures.Report("drop_commands", CommandCount, "commands");
        Figures.Report("drop_connections_dropped", proxy.Dropped / 2, "connections");
        Figures.Report("drop_commands_lost", CommandCount - finals.Count(f => f == 1), "commands");
        Figures.Report("drop_commands_duplicated", duplicates, "commands");
        Figures.Report("drop_throughput", CommandCount / seconds, "commands/s");
        Assert.True(failures.IsEmpty, $"{failures.Count} commands failed, e.g. {string.Join("; ", failures.Take(5))}");
        Assert.All(finals, count => Assert.Equal(1, count));
        Assert.Equal((CommandCount, CommandCount, 0), (executions, distinct, duplicates));
        Assert.True(proxy.Dropped > 0, "The proxy dropped no connection: the test proved nothing.");
    }
}
