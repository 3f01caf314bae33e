using Csw.Location.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>The registration contract suite against a one-member cluster.</summary>
public sealed class ClusterLocationServiceTests(SingleNodeClusterFixture cluster) : LocationServiceContractTests, IClassFixture<SingleNodeClusterFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() =>
        LocationServiceFactory.CreateClusterAsync(cluster.Nodes.Systems[0], ClusterFixture.FreshStore()).WaitAsync(TestTime.DefaultTimeout * 2);
}
