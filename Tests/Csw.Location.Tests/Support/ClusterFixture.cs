using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>Three cluster members shared by a test class; each test uses a store of its own, so tests do not see each other.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private ClusterNodes? _nodes;

    public ClusterNodes Nodes => _nodes ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Options for a fresh, empty store.</summary>
    public static ClusterLocationOptions FreshStore() => ClusterLocationOptions.Default.WithStoreName($"test-{Guid.NewGuid():N}");

    /// <summary>
    /// A service on every member, over one store: created together, since the store's registrar
    /// runs on the oldest member only once that member has a service of the store too.
    /// </summary>
    public static async Task<IReadOnlyList<ILocationService>> CreateServicesAsync(ClusterNodes nodes, ClusterLocationOptions store)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout * 2);
        return await Task.WhenAll(nodes.Systems.Select(system => LocationServiceFactory.CreateClusterAsync(system, store, timeout.Token)));
    }

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(3);

    public async Task DisposeAsync()
    {
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync();
        }
    }
}
