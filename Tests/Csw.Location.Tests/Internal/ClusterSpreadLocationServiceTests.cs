using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The registration contract suite across a three-member cluster: changes on one member, reads on another, tracking on the third.</summary>
public sealed class ClusterSpreadLocationServiceTests(ClusterFixture cluster) : LocationServiceContractTests, IClassFixture<ClusterFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => Task.FromResult(Spread(cluster));

    internal static ILocationService Spread(ClusterFixture cluster)
    {
        var store = ClusterFixture.FreshStore();
        var systems = cluster.Nodes.Systems;
        return new SpreadLocationService(
            LocationServiceFactory.CreateCluster(systems[1], store),
            LocationServiceFactory.CreateCluster(systems[2], store),
            LocationServiceFactory.CreateCluster(systems[0], store));
    }
}
