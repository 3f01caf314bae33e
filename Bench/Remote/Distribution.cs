using Csw.Location;

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
        await service.RegisterAsync(new PekkoRegistration(TrackingProbe.Connection(prefix), new Uri("csw://child/user/hcd")));
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
        return await TrackingProbe.TrackLatenciesAsync((ILocationService)registrant, (ILocationService)watcher, count);
    }

    /// <summary>Seconds from kill -9 of a process holding a registration to LocationRemoved at a tracker.</summary>
    public static async Task<double> CrashDetectionAsync(Uri etcd)
    {
        var prefix = $"CSW.crash{Environment.TickCount64 % 100000}";
        await using var watcher = (IAsyncDisposable)LocationServiceFactory.CreateEtcd(new EtcdLocationOptions([etcd]));
        return await TrackingProbe.CrashDetectionAsync((ILocationService)watcher, prefix, ChildMode, etcd.ToString(), prefix);
    }
}
