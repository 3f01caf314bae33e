using Bench.Harness;

namespace Bench.Remote;

/// <summary>
/// Commands over loopback through a component's HTTP/WebSocket endpoint, against a bare Kestrel
/// WebSocket echo measured in the same run.
/// </summary>
public sealed class RemoteSuite : IBenchSuite
{
    /// <summary>Sequential round trips per latency figure.</summary>
    internal const int Samples = 20_000;

    public string Name => "remote";

    public async Task RunAsync(BenchReport report)
    {
        const int samples = Samples;
        // Inside the cluster: a component of another process through its actor, over Akka.Remote.
        await AkkaRemoteSubmit.ReportAsync(report, samples);

        await SessionAsync(report, samples);

        // The default distributed backend, Akka.Cluster: the figures under their plain names.
        await using (var cluster = await ClusterDistribution.StartAsync())
        {
            var track = await cluster.TrackLatenciesAsync(500);
            report.Add("track_latency_p50", Measure.Percentile(track, 50), "ms");
            report.Add("track_latency_p99", Measure.Percentile(track, 99), "ms");
            var crashes = new double[3];
            for (var i = 0; i < crashes.Length; i++)
            {
                crashes[i] = await cluster.CrashDetectionAsync();
            }
            Array.Sort(crashes);
            report.Add("crash_detection", crashes[^1], "s");
        }

        await using (var etcd = await BenchEtcd.StartAsync())
        {
            var track = await Distribution.TrackLatenciesAsync(etcd.ClientUrl, 500);
            report.Add("etcd_track_latency_p50", Measure.Percentile(track, 50), "ms");
            report.Add("etcd_track_latency_p99", Measure.Percentile(track, 99), "ms");
            var crashes = new double[3];
            for (var i = 0; i < crashes.Length; i++)
            {
                crashes[i] = await Distribution.CrashDetectionAsync(etcd.ClientUrl);
            }
            Array.Sort(crashes);
            report.Add("etcd_crash_detection", crashes[^1], "s");
        }

        // CSW's own protocol (a POST per command), for comparison: what a CSW client gets.
        await using (var rig = await RemoteSubmit.Rig.StartAsync(session: false))
        {
            var (submit, echo) = await RemoteSubmit.LatenciesAsync(rig, samples);
            report.Add("remote_submit_csw_p50", Measure.Percentile(submit, 50), "us", Measure.Percentile(echo, 50));
            var throughput = await Measure.MedianRateAsync(() => RemoteSubmit.ThroughputAsync(rig, 64, TimeSpan.FromSeconds(2)), rounds: 3);
            report.Add("remote_submit_csw_throughput_64", throughput, "cmd/s");
        }
    }

    /// <summary>Outside the cluster: a component's HTTP/WebSocket endpoint through CswNet's session protocol.</summary>
    internal static async Task SessionAsync(BenchReport report, int samples)
    {
        await using var rig = await RemoteSubmit.Rig.StartAsync(session: true);
        var (submit, echo) = await RemoteSubmit.LatenciesAsync(rig, samples);
        report.Add("remote_submit_p50", Measure.Percentile(submit, 50), "us", Measure.Percentile(echo, 50));
        report.Add("remote_submit_p99", Measure.Percentile(submit, 99), "us", Measure.Percentile(echo, 99));
        var throughput = await Measure.MedianRateAsync(() => RemoteSubmit.ThroughputAsync(rig, 64, TimeSpan.FromSeconds(2)), rounds: 3);
        report.Add("remote_submit_throughput_64", throughput, "cmd/s");
    }
}
