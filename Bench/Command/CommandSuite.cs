using Bench.Harness;

namespace Bench.Command;

/// <summary>The component framework's command path in one process, and the cost of components.</summary>
public sealed class CommandSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "command";

    /// <inheritdoc />
    public async Task RunAsync(BenchReport report)
    {
        const int samples = 100_000;
        var (submit, ask) = await LocalSubmit.LatenciesAsync(samples);
        var channel = await LocalSubmit.ChannelLatenciesAsync(samples);
        report.Add("akka_ask", Measure.Percentile(ask, 50), "ns", Measure.Percentile(channel, 50));
        report.Add("local_submit_p50", Measure.Percentile(submit, 50), "ns", Measure.Percentile(ask, 50));
        report.Add("local_submit_p99", Measure.Percentile(submit, 99), "ns", Measure.Percentile(ask, 99));

        // One component: all 64 callers contend for the same supervisor, the honest worst case.
        const int callers = 64, perCaller = 10_000;
        var throughput = await Measure.MedianRateAsync(() => LocalSubmit.ThroughputAsync(callers, perCaller));
        var askThroughput = await Measure.MedianRateAsync(() => AkkaBaseline.AskThroughputAsync(callers, perCaller));
        var channelThroughput = await Measure.MedianRateAsync(() => LocalSubmit.ChannelThroughputAsync(callers, perCaller));
        report.Add("akka_ask_throughput_64", askThroughput, "asks/s", channelThroughput);
        report.Add("local_submit_throughput_64", throughput, "cmd/s", askThroughput);

        // The idle-actor baseline first: measured after the components, it would see their memory being freed.
        const int components = 10_000;
        var idleActor = await AkkaBaseline.IdleActorBytesAsync(components);
        var (seconds, bytes) = await Components.StartManyAsync(components);
        report.Add("component_memory", bytes, "bytes", idleActor);
        report.Add("start_10k_components", seconds, "s");
    }
}
