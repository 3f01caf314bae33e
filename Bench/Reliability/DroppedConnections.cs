using System.Diagnostics;
using Bench.Command;
using Bench.Harness;
using Csw.Command;
using Csw.Faults.Host;
using Csw.Faults.Tests.Support;
using Csw.Framework;
using Csw.Location;
using Csw.Params;

namespace Bench.Reliability;

/// <summary>
/// Commands through the HTTP/WebSocket client and a TCP proxy that breaks every connection every so
/// often: how many got no final response (lost), how many ran twice (duplicated, counted by the HCD).
/// </summary>
internal static class DroppedConnections
{
    private static readonly Prefix Client = Prefix.Parse("CSW.bench");

    public sealed record Outcome(long Lost, long Duplicated, long Dropped, double Rate);

    public static async Task<Outcome> RunAsync(int commands, TimeSpan? dropEvery)
    {
        var system = CswActorSystem.Create("drops");
        try
        {
            var hcd = Component.Spawn(system, new ComponentInfo(ReliabilityHcd.Prefix, ComponentType.HCD), context => new ReliabilityHcd(context));
            await Components.WaitRunningAsync(hcd);
            await using var endpoint = await CommandEndpoint.StartAsync(hcd);
            await using var proxy = new TcpProxy(endpoint.Port);
            var service = CommandServiceFactory.Make(new HttpLocation(
                Connection.Http(new ComponentId(ReliabilityHcd.Prefix, ComponentType.HCD)),
                new Uri($"http://127.0.0.1:{proxy.Port}/"),
                Metadata.Empty.Add(CommandEndpoint.SessionMetadataKey, CommandEndpoint.SessionPath)));
            var (before, _, duplicatesBefore) = await StatsAsync(CommandServiceFactory.Make(hcd));
            using var stop = new CancellationTokenSource();
            var dropping = dropEvery is { } period ? proxy.DropEveryAsync(period, stop.Token) : Task.CompletedTask;
            long finals = 0;
            var watch = Stopwatch.StartNew();
            // Numbers of their own for each run: the HCD's counts are shared by every instance in the process.
            var offset = before + 10_000_000;
            await Parallel.ForEachAsync(Enumerable.Range(0, commands), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
            {
                try
                {
                    var first = await service.SubmitAsync(new Setup(Client, "work").Add(ReliabilityHcd.N.Set(offset + n)));
                    var final = first is Started ? await service.QueryFinalAsync(first.RunId) : first;
                    if (final is Completed)
                    {
                        Interlocked.Increment(ref finals);
                    }
                }
                catch (Exception e) when (e is CommandServiceException or TimeoutException)
                {
                    // Counted as lost below.
                }
            });
            var rate = Measure.Rate(commands, watch.Elapsed);
            await stop.CancelAsync();
            await dropping;
            var (_, _, duplicates) = await StatsAsync(CommandServiceFactory.Make(hcd));
            return new Outcome(commands - finals, duplicates - duplicatesBefore, proxy.Dropped / 2, rate);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<(int Executions, int Distinct, int Duplicates)> StatsAsync(ICommandService service)
    {
        var stats = (Completed)await service.SubmitAsync(new Setup(Client, "stats"));
        return (stats.Result.Get(Keys.Int("executions")).Head, stats.Result.Get(Keys.Int("distinct")).Head, stats.Result.Get(Keys.Int("duplicates")).Head);
    }
}
