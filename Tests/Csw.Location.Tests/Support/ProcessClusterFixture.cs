namespace Csw.Location.Tests.Support;

/// <summary>Three seed processes and this process as a member, shared by a test class.</summary>
public sealed class ProcessClusterFixture : IAsyncLifetime
{
    private ProcessCluster? _cluster;

    public ProcessCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await ProcessCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
