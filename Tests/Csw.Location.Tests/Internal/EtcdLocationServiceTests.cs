using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The registration contract suite against etcd.</summary>
public sealed class EtcdLocationServiceTests(EtcdFixture etcd) : LocationServiceContractTests, IClassFixture<EtcdFixture>
{
    protected override Task<ILocationService> CreateServiceAsync() => Task.FromResult(LocationServiceFactory.CreateEtcd(etcd.Options()));
}
