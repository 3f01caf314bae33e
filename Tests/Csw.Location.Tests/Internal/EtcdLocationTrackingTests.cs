using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The tracking contract suite against etcd.</summary>
public sealed class EtcdLocationTrackingTests(EtcdFixture etcd) : LocationTrackingContractTests, IClassFixture<EtcdFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => Task.FromResult(LocationServiceFactory.CreateEtcd(etcd.Options()));
}
