using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>
/// One three-member etcd cluster shared by a test class. Tests kill members; each test starts by
/// bringing back whatever the one before left dead.
/// </summary>
public sealed class EtcdClusterFixture : IAsyncLifetime
{
    private EtcdCluster? _cluster;

    public EtcdCluster Cluster => _cluster ?? throw new InvalidOperationException("The etcd cluster has not started.");

    /// <summary>Restarts members that a previous test killed, then gives a fresh key prefix.</summary>
    public async Task<string> FreshPrefixAsync()
    {
        foreach (var member in Cluster.Members)
        {
            if (member.IsFrozen)
            {
                await member.ThawAsync();
            }
            if (!member.IsRunning)
            {
                await member.RestartAsync();
            }
        }
        return $"/test/{Guid.NewGuid():N}/";
    }

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(3);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
