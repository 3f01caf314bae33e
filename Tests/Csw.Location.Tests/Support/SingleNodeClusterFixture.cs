namespace Csw.Location.Tests.Support;

/// <summary>One cluster member shared by a test class.</summary>
public sealed class SingleNodeClusterFixture : IAsyncLifetime
{
    private ClusterNodes? _nodes;

    public ClusterNodes Nodes => _nodes ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(1);

    public async Task DisposeAsync()
    {
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync();
        }
    }
}
