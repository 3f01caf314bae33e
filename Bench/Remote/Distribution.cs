using System.Diagnostics;
using Csw.Location;
using Csw.Params;

namespace Bench.Remote;

/// <summary>
/// The distribution figures over a real etcd: how fast a tracker hears of a registration, and
/// how long after <c>kill -9</c> of a registered process its trackers hear that it is gone.
/// </summary>
internal static class Distribution
{
    /// <summary>Child mode: registers one component in etcd, prints "registered", and waits to be killed.</summary>
    public const string ChildMode = "registered-child";

    public static async Task<int> RunChildAsync(string etcd, string prefix)
    {
        var service = LocationServiceFactory.CreateEtcd(new EtcdLocationOptions([new Uri(etcd)]));
        await service.RegisterAsync(new PekkoRegistration(Connection(prefix), new Uri("csw://child/user/hcd")));
        Console.WriteLine("registered");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>
    /// Milliseconds from each registration to LocationUpdated at a long-lived tracker in another
    /// instance (a tracker's steady state: its watch is in place), sorted.
    /// </summary>
    public static async Task<double[]> TrackLatenciesAsync(Uri etcd, int count)
    {
        var options = new EtcdLocationOptions([etcd]);
        await using var registrant = (IAsyncDisposable)LocationServiceFactory.CreateEtcd(options);
        await using var watcher = (IAsyncDisposable)LocationServiceFactory.CreateEtcd(options);
        var connection = Connection("CSW.tracked");
        var registration = new PekkoRegistration(connection, new Uri("csw://bench/user/x"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var changes = ((ILocationService)watcher).Track(connection, stop.Token).GetAsyncEnumerator(stop.Token);
        var samples = new double[count];
        for (var i = -count / 10; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var registered = await ((ILocationService)registrant).RegisterAsync(registration);
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

    private static async Task NextAsync(IAsyncEnumerator<TrackingEvent> changes, Type expected)
    {
        if (!await changes.MoveNextAsync() || changes.Current.GetType() != expected)
        {
            throw new InvalidOperationException($"Expected {expected.Name}, got {changes.Current}.");
        }
    }

    /// <summary>Seconds from kill -9 of a process holding a registration to LocationRemoved at a tracker.</summary>
    public static async Task<double> CrashDetectionAsync(Uri etcd)
    {
        var prefix = $"CSW.crash{Environment.TickCount64 % 100000}";
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Distribution).Assembly.Location);
        }
        foreach (var argument in new[] { ChildMode, etcd.ToString(), prefix })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync() is { } line && line != "registered")
        {
        }
        await using var watcher = (IAsyncDisposable)LocationServiceFactory.CreateEtcd(new EtcdLocationOptions([etcd]));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = ((ILocationService)watcher).Track(Connection(prefix), stop.Token).GetAsyncEnumerator(stop.Token);
        await changes.MoveNextAsync(); // its current location
        var clock = Stopwatch.StartNew();
        child.Kill();
        while (await changes.MoveNextAsync() && changes.Current is not LocationRemoved)
        {
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static PekkoConnection Connection(string prefix) => new(new ComponentId(Prefix.Parse(prefix), ComponentType.HCD));
}
