using Bench.Harness;
using Csw.Tests.Shared.Fuzz;

namespace Bench.Fuzz;

/// <summary>
/// Sends 100,000 generated and mutated requests (HTTP bodies, WebSocket messages, session frames,
/// location requests and Track) to a live component endpoint and a live location server in
/// another process, checking after every batch of 1,000 that the process lives and valid requests
/// are served; then opens 1,000 sessions at once on the endpoint, each sending a Submit and waiting
/// for its answer while all stay open, against a bare Kestrel WebSocket echo in the same process.
/// Set FUZZ_REQUESTS to send another number.
/// </summary>
public sealed class FuzzSuite : IBenchSuite
{
    private const int Sessions = 1000;

    public string Name => "fuzz";

    public async Task RunAsync(BenchReport report)
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 100_000;
        await using var child = await FuzzChild.StartAsync();
        var idle = child.WorkingSetMb;
        using var driver = new FuzzDriver(child.CommandUri, child.LocationUri, TimeSpan.FromSeconds(20));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var peak = 0.0;
        await driver.RunAsync(requests, workers: 8, batch: 1000, seed: 14, afterBatch: async () =>
        {
            await child.CheckAliveAsync();
            peak = Math.Max(peak, child.PeakWorkingSetMb);
            if (driver.Tally.Requests % 10_000 == 0)
            {
                Console.Error.WriteLine($"  {driver.Tally.Requests} sent, {driver.Tally.Unanswered} unanswered, peak {peak:0} MB");
            }
        });
        var tally = driver.Tally;
        Console.Error.WriteLine($"  {tally}");
        child.FirstErrors.ForEach(error => Console.Error.WriteLine($"  {error}"));
        report.Add("requests", tally.Requests, "requests");
        report.Add("requests_per_s", tally.Requests / clock.Elapsed.TotalSeconds, "requests/s");
        report.Add("process_crashes", child.Crashes, "crashes");
        report.Add("unanswered", tally.Unanswered, "requests");
        report.Add("valid_requests_failed", tally.HealthFailures, "of " + tally.HealthChecks);
        report.Add("errors_logged", child.ErrorsLogged, "errors");
        report.Add("resolve_waits", tally.ResolveWaits, "requests");
        report.Add("peak_working_set_mb", peak, "MB", idle);

        // Alternating rounds, the best of each: the first round pays for a cold thread pool, whichever server it hits.
        var (served, seconds, echoSeconds) = (Sessions, double.MaxValue, double.MaxValue);
        for (var round = 0; round < 3; round++)
        {
            echoSeconds = Math.Min(echoSeconds, (await SessionLoad.RunAsync(child.EchoUri, Sessions)).Seconds);
            var load = await SessionLoad.RunAsync(new Uri($"ws://127.0.0.1:{child.CommandUri.Port}/session-endpoint"), Sessions);
            (served, seconds) = (Math.Min(served, load.Served), Math.Min(seconds, load.Seconds));
        }
        report.Add("load_sessions_served", served, $"of {Sessions} (worst of 3 rounds)");
        report.Add("load_sessions_s", seconds, "s", echoSeconds);
    }
}
