using System.Net;
using Akka.Actor;
using Akka.Cluster;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>
/// Cluster members in this process: actor systems on free loopback ports, the first starting the
/// cluster and the others joining through it, as separate processes would.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<ActorSystem> _systems = [];

    public IReadOnlyList<ActorSystem> Systems => _systems;

    /// <summary>Starts <paramref name="count"/> members and waits until each sees all of them up.</summary>
    public static async Task<ClusterNodes> StartAsync(int count)
    {
        var nodes = new ClusterNodes();
        try
        {
            for (var i = 0; i < count; i++)
            {
                await nodes.AddAsync();
            }
            await nodes.AwaitUpAsync(count);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more member, joining through the first (or starting the cluster if it is the first).</summary>
    public async Task<ActorSystem> AddAsync()
    {
        var settings = ClusterSettings.Default.WithPort(0);
        if (_systems.Count > 0)
        {
            settings = settings.WithSeeds([new DnsEndPoint("127.0.0.1", Cluster.Get(_systems[0]).SelfAddress.Port!.Value)]);
        }
        var config = Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING, akka.stdout-loglevel = WARNING").WithFallback(settings.ToConfig());
        var system = ActorSystem.Create(ClusterSettings.DefaultSystemName, config);
        _systems.Add(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(system).RegisterOnMemberUp(up.SetResult);
        if (_systems.Count == 1)
        {
            Cluster.Get(system).Join(Cluster.Get(system).SelfAddress);
        }
        await up.Task.WaitAsync(TestTime.DefaultTimeout * 2);
        return system;
    }

    /// <summary>Waits until every running member sees <paramref name="count"/> members up.</summary>
    public Task AwaitUpAsync(int count) => TestWaits.AwaitAssertAsync(() =>
    {
        foreach (var system in _systems.Where(s => !s.WhenTerminated.IsCompleted))
        {
            Assert.Equal(count, Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up));
        }
    }, TestTime.DefaultTimeout * 2);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(system => system.Terminate()));
    }
}
