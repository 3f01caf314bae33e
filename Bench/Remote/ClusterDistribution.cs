using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Csw.Location;

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
        await service.RegisterAsync(new PekkoRegistration(TrackingProbe.Connection(prefix), new Uri("csw://child/user/hcd")));
        Console.WriteLine("registered");
        await system.WhenTerminated;
        return 0;
    }

    /// <summary>Milliseconds from each registration (on one member) to LocationUpdated at a long-lived tracker (on another), sorted.</summary>
    public Task<double[]> TrackLatenciesAsync(int count) => TrackingProbe.TrackLatenciesAsync(_services[1], _services[2], count);

    /// <summary>Seconds from kill -9 of a member holding a registration to LocationRemoved at a tracker on another member.</summary>
    public Task<double> CrashDetectionAsync()
    {
        var prefix = $"CSW.crash{Environment.TickCount64 % 100000}";
        return TrackingProbe.CrashDetectionAsync(_services[2], prefix, ChildMode, SeedPort.ToString(CultureInfo.InvariantCulture), prefix);
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
}
