using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The registration contract suite across a three-member cluster: changes on one member, reads on another, tracking on the third.</summary>
public sealed class ClusterSpreadLocationServiceTests(ClusterFixture cluster) : LocationServiceContractTests, IClassFixture<ClusterFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => SpreadAsync(cluster);

    internal static async Task<ILocationService> SpreadAsync(ClusterFixture cluster)
    {
        var services = await ClusterFixture.CreateServicesAsync(cluster.Nodes, ClusterFixture.FreshStore());
        return new SpreadLocationService(services[1], services[2], services[0]);
    }
}
