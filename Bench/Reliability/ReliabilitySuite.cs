using Bench.Harness;

namespace Bench.Reliability;

/// <summary>Delivery under connection drops, and what the command journal costs (docs/Reliability.md).</summary>
public sealed class ReliabilitySuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "reliability";

    /// <inheritdoc />
    public async Task RunAsync(BenchReport report)
    {
        using var journals = new JournalDirectory();

        var (journaled, plain) = await JournaledCommands.LatenciesAsync(journals.NewFile(), 2_000);
        report.Add("journaled_submit_p50", Measure.Percentile(journaled, 50), "ns", Measure.Percentile(plain, 50));
        report.Add("journaled_submit_p99", Measure.Percentile(journaled, 99), "ns", Measure.Percentile(plain, 99));

        const int callers = 64, perCaller = 300;
        var journaledRate = await JournaledCommands.ThroughputAsync(journals.NewFile(), callers, perCaller);
        var plainRate = await JournaledCommands.ThroughputAsync(null, callers, perCaller);
        report.Add("journaled_throughput_64", journaledRate, "cmd/s", plainRate);

        var (recovery, coldStart) = await JournaledCommands.RecoveryAsync(journals.NewFile(), 10_000);
        report.Add("recovery_10k", recovery.TotalSeconds, "s", coldStart.TotalSeconds);

        var drops = await DroppedConnections.RunAsync(1_000_000, TimeSpan.FromMilliseconds(300));
        var calm = await DroppedConnections.RunAsync(100_000, dropEvery: null);
        report.Add("commands_lost", drops.Lost, "commands");
        report.Add("commands_duplicated", drops.Duplicated, "commands");
        report.Add("connections_dropped", drops.Dropped, "connections");
        report.Add("throughput_under_drops", drops.Rate, "cmd/s", calm.Rate);
    }
}
