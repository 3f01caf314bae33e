using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The tracking contract suite across a three-member cluster.</summary>
public sealed class ClusterSpreadLocationTrackingTests(ClusterFixture cluster) : LocationTrackingContractTests, IClassFixture<ClusterFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => ClusterSpreadLocationServiceTests.SpreadAsync(cluster);
}
