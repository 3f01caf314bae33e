namespace Csw.Tests.Shared;

/// <summary>
/// A cluster of real etcd members on loopback (three by default), each with its own ports and
/// data directory; kill and restart members through <see cref="Members"/>.
/// </summary>
public sealed class EtcdCluster : IAsyncDisposable
{
    private EtcdCluster(IReadOnlyList<EtcdProcess> members) => Members = members;

    /// <summary>The members, in the order of <see cref="ClientUrls"/>.</summary>
    public IReadOnlyList<EtcdProcess> Members { get; }

    /// <summary>Every member's client URL, as a client lists them.</summary>
    public IReadOnlyList<Uri> ClientUrls => [.. Members.Select(member => member.ClientUrl)];

    /// <summary>Starts <paramref name="size"/> members and waits until each is healthy (a leader is elected).</summary>
    public static async Task<EtcdCluster> StartAsync(int size = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var ports = Enumerable.Range(0, size).Select(_ => (Client: EtcdProcess.FreePort(), Peer: EtcdProcess.FreePort())).ToList();
        var initialCluster = string.Join(",", ports.Select((p, i) => $"m{i}=http://127.0.0.1:{p.Peer}"));
        var cluster = new EtcdCluster([.. ports.Select((p, i) => new EtcdProcess($"m{i}", p.Client, p.Peer, initialCluster))]);
        try
        {
            foreach (var member in cluster.Members)
            {
                member.Launch();
            }
            await Task.WhenAll(cluster.Members.Select(member => member.WaitHealthyAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every member and deletes their data.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members)
        {
            await member.DisposeAsync();
        }
    }
}
