using System.Net;
using Akka.Actor;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>
/// Three seed members, each a process of its own, and this process as one more member watching
/// through its own location service; members started by a test are disposed with it.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<ClusterNodeProcess> _processes = [];

    private ActorSystem? _observer;

    private ProcessCluster(IReadOnlyList<int> seedPorts) => SeedPorts = seedPorts;

    public IReadOnlyList<int> SeedPorts { get; }

    public IReadOnlyList<ClusterNodeProcess> Seeds => _processes.Take(SeedPorts.Count).ToList();

    /// <summary>What every process printed, for failure messages.</summary>
    public string Outputs => string.Join("\n", _processes.Select((p, i) => $"--- process {i}:\n{p.Output}"));

    /// <summary>This process's location service, a member of the cluster.</summary>
    public ILocationService Observer { get; private set; } = null!;

    public static async Task<ProcessCluster> StartAsync()
    {
        var cluster = new ProcessCluster([EtcdProcess.FreePort(), EtcdProcess.FreePort(), EtcdProcess.FreePort()]);
        try
        {
            foreach (var port in cluster.SeedPorts)
            {
                cluster._processes.Add(ClusterNodeProcess.Start(port, cluster.SeedPorts));
            }
            await Task.WhenAll(cluster._processes.Select(seed => seed.WaitForAsync("up")));
            var settings = ClusterSettings.Default.WithPort(0).WithSeeds(cluster.SeedPorts.Select(port => new DnsEndPoint("127.0.0.1", port)));
            cluster._observer = ActorSystem.Create(settings.SystemName,
                Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(settings.ToConfig()));
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Akka.Cluster.Cluster.Get(cluster._observer).RegisterOnMemberUp(up.SetResult);
            cluster.Observer = await LocationServiceFactory.CreateClusterAsync(cluster._observer).WaitAsync(TestTime.DefaultTimeout * 4);
            await up.Task.WaitAsync(TestTime.DefaultTimeout * 4);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a member registering <paramref name="prefixes"/> and waits until it has.</summary>
    public async Task<ClusterNodeProcess> StartMemberAsync(int port, params string[] prefixes)
    {
        var member = ClusterNodeProcess.Start(port, SeedPorts, prefixes);
        _processes.Add(member);
        await member.WaitForAsync("registered");
        return member;
    }

    public async ValueTask DisposeAsync()
    {
        if (Observer is IAsyncDisposable service)
        {
            await service.DisposeAsync();
        }
        if (_observer is not null)
        {
            await _observer.Terminate();
        }
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
