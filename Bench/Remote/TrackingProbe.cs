using System.Diagnostics;
using Csw.Location;
using Csw.Params;

namespace Bench.Remote;

/// <summary>The distribution figures' measurements, whatever the backend: tracking latency, and crash detection of a child process.</summary>
internal static class TrackingProbe
{
    public static PekkoConnection Connection(string prefix) => new(new ComponentId(Prefix.Parse(prefix), ComponentType.HCD));

    /// <summary>
    /// Milliseconds from each registration through <paramref name="registrant"/> to LocationUpdated at
    /// a long-lived tracker of <paramref name="watcher"/> (a tracker's steady state), sorted; a tenth
    /// as many rounds before them warm up.
    /// </summary>
    public static async Task<double[]> TrackLatenciesAsync(ILocationService registrant, ILocationService watcher, int count)
    {
        var connection = Connection("CSW.tracked");
        var registration = new PekkoRegistration(connection, new Uri("csw://bench/user/x"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var changes = watcher.Track(connection, stop.Token).GetAsyncEnumerator(stop.Token);
        var samples = new double[count];
        for (var i = -count / 10; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var registered = await registrant.RegisterAsync(registration);
            await NextAsync(changes, typeof(LocationUpdated));
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            await registered.UnregisterAsync();
            await NextAsync(changes, typeof(LocationRemoved));
        }
        Array.Sort(samples);
        return samples;
    }

    /// <summary>
    /// Seconds from <c>kill -9</c> of a child (this program in <paramref name="childArguments"/>' mode,
    /// registering <paramref name="prefix"/> and printing "registered") to LocationRemoved at a tracker of <paramref name="watcher"/>.
    /// </summary>
    public static async Task<double> CrashDetectionAsync(ILocationService watcher, string prefix, params string[] childArguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TrackingProbe).Assembly.Location);
        }
        foreach (var argument in childArguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync() is { } line && line != "registered")
        {
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = watcher.Track(Connection(prefix), stop.Token).GetAsyncEnumerator(stop.Token);
        await NextAsync(changes, typeof(LocationUpdated));
        var clock = Stopwatch.StartNew();
        child.Kill();
        while (await changes.MoveNextAsync() && changes.Current is not LocationRemoved)
        {
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task NextAsync(IAsyncEnumerator<TrackingEvent> changes, Type expected)
    {
        if (!await changes.MoveNextAsync() || changes.Current.GetType() != expected)
        {
            throw new InvalidOperationException($"Expected {expected.Name}, got {changes.Current}.");
        }
    }
}
