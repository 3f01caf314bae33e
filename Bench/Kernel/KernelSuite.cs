using Bench.Harness;

namespace Bench.Kernel;

/// <summary>The actor kernel: ping-pong throughput, ask latency and allocation, idle actor memory.</summary>
public sealed class KernelSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "kernel";

    /// <inheritdoc />
    public async Task RunAsync(BenchReport report)
    {
        // One pair, 8 balls in flight: messages queue up a little, as between a component and its client.
        const int pairHits = 250_000;
        var pair = await Measure.MedianRateAsync(() => PingPong.ActorsAsync(1, 8, pairHits));
        var pairBaseline = await Measure.MedianRateAsync(() => PingPong.ChannelsAsync(1, 8, pairHits));
        report.Add("pingpong_pair", pair, "msg/s", pairBaseline);

        // Many pairs with many balls each: the kernel's aggregate throughput on all cores.
        const int pairs = 64, balls = 100, hits = 2_000;
        var many = await Measure.MedianRateAsync(() => PingPong.ActorsAsync(pairs, balls, hits));
        var manyBaseline = await Measure.MedianRateAsync(() => PingPong.ChannelsAsync(pairs, balls, hits));
        report.Add("pingpong_many", many, "msg/s", manyBaseline);

        const int asks = 200_000;
        var ask = await Ask.ActorsAsync(asks);
        var askBaseline = await Ask.ChannelsAsync(asks);
        report.Add("ask_roundtrip", ask.Nanoseconds, "ns", askBaseline.Nanoseconds);
        report.Add("ask_alloc", ask.Bytes, "bytes", askBaseline.Bytes);

        const int actors = 100_000;
        var idle = await IdleMemory.ActorsAsync(actors);
        var idleBaseline = await IdleMemory.ChannelsAsync(actors);
        report.Add("idle_actor_memory", idle, "bytes", idleBaseline);
    }
}
