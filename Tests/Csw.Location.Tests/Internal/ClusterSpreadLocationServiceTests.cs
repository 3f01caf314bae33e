using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The registration contract suite across a three-member cluster: changes on one member, reads on another, tracking on the third.</summary>
public sealed class ClusterSpreadLocationServiceTests(ClusterFixture cluster) : LocationServiceContractTests, IClassFixture<ClusterFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => SpreadAsync(cluster);

    internal static async Task<ILocationService> SpreadAsync(ClusterFixture cluster)
    {
        var store = ClusterFixture.FreshStore();
        var systems = cluster.Nodes.Systems;
        return new SpreadLocationService(
            await LocationServiceFactory.CreateClusterAsync(systems[1], store),
            await LocationServiceFactory.CreateClusterAsync(systems[2], store),
            await LocationServiceFactory.CreateClusterAsync(systems[0], store));
    }
}
