using System.Diagnostics;
using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Csw.Location;
using Csw.Params;

namespace Bench.Remote;

/// <summary>
/// The distribution figures over the Akka.Cluster backend: three members in this process (the
/// seed, which hosts the registrar, a registrant and a tracker), and a member in a child process
/// killed with <c>kill -9</c>.
/// </summary>
internal sealed class ClusterDistribution : IAsyncDisposable
{
    /// <summary>Child mode: joins the cluster through the seed, registers one component, prints "registered", waits to be killed.</summary>
    public const string ChildMode = "cluster-child";

    private readonly List<ActorSystem> _systems = [];

    private readonly List<ILocationService> _services = [];

    private int SeedPort => Akka.Cluster.Cluster.Get(_systems[0]).SelfAddress.Port!.Value;

    public static async Task<ClusterDistribution> StartAsync()
    {
        var cluster = new ClusterDistribution();
        for (var i = 0; i < 3; i++)
        {
            var settings = ClusterSettings.Default.WithPort(0);
            if (i > 0)
            {
                settings = settings.WithSeeds([new DnsEndPoint("127.0.0.1", cluster.SeedPort)]);
            }
            var system = await JoinAsync(settings);
            cluster._systems.Add(system);
            cluster._services.Add(LocationServiceFactory.CreateCluster(system));
        }
        return cluster;
    }

    public static async Task<int> RunChildAsync(string seedPort, string prefix)
    {
        var system = await JoinAsync(ClusterSettings.Default.WithPort(0).WithSeeds($"127.0.0.1:{seedPort}"));
        var service = LocationServiceFactory.CreateCluster(system);
        await service.RegisterAsync(new PekkoRegistration(Connection(prefix), new Uri("csw://child/user/hcd")));
        Console.WriteLine("registered");
        await system.WhenTerminated;
        return 0;
    }

    /// <summary>Milliseconds from each registration (on one member) to LocationUpdated at a long-lived tracker (on another), sorted.</summary>
    public async Task<double[]> TrackLatenciesAsync(int count)
    {
        var (registrant, watcher) = (_services[1], _services[2]);
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

    /// <summary>Seconds from kill -9 of a member holding a registration to LocationRemoved at a tracker on another member.</summary>
    public async Task<double> CrashDetectionAsync()
    {
        var prefix = $"CSW.crash{Environment.TickCount64 % 100000}";
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClusterDistribution).Assembly.Location);
        }
        foreach (var argument in new[] { ChildMode, SeedPort.ToString(CultureInfo.InvariantCulture), prefix })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync() is { } line && line != "registered")
        {
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = _services[2].Track(Connection(prefix), stop.Token).GetAsyncEnumerator(stop.Token);
        await NextAsync(changes, typeof(LocationUpdated));
        var clock = Stopwatch.StartNew();
        child.Kill();
        await NextAsync(changes, typeof(LocationRemoved));
        return clock.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await ((IAsyncDisposable)service).DisposeAsync();
        }
        await Task.WhenAll(_systems.Select(system => system.Terminate()));
    }

    private static async Task<ActorSystem> JoinAsync(ClusterSettings settings)
    {
        var config = ConfigurationFactory.ParseString("akka.loglevel = ERROR, akka.stdout-loglevel = OFF").WithFallback(settings.ToConfig());
        var system = ActorSystem.Create(settings.SystemName, config);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(up.SetResult);
        if (settings.Seeds.Count == 0)
        {
            cluster.Join(cluster.SelfAddress);
        }
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return system;
    }

    private static async Task NextAsync(IAsyncEnumerator<TrackingEvent> changes, Type expected)
    {
        if (!await changes.MoveNextAsync() || changes.Current.GetType() != expected)
        {
            throw new InvalidOperationException($"Expected {expected.Name}, got {changes.Current}.");
        }
    }

    private static PekkoConnection Connection(string prefix) => new(new ComponentId(Prefix.Parse(prefix), ComponentType.HCD));
}
