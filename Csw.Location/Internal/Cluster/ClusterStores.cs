using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.DistributedData;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// What one actor system runs for each store, once, whatever the number of service instances:
/// the registrar's singleton manager (on every member, so that the oldest runs the registrar and a
/// successor takes over) and a proxy that reaches the registrar wherever it runs.
/// </summary>
internal sealed class ClusterStores : IExtension
{
    private readonly ExtendedActorSystem _system;

    /// <summary>Each store's registrar proxy, by store name.</summary>
    private readonly ConcurrentDictionary<string, Lazy<IActorRef>> _registrars = new(StringComparer.Ordinal);

    public ClusterStores(ExtendedActorSystem system)
    {
        _system = system;
        Replicator = DistributedData.Get(system).Replicator;
        EnsureSerializer(system);
        RegistrarOf(ClusterLocationOptions.DefaultStoreName, ClusterLocationOptions.Default.MajorityTimeout);
    }

    public IActorRef Replicator { get; }

    public static ClusterStores Get(ActorSystem system) => system.WithExtension<ClusterStores, Provider>();

    public static LWWDictionaryKey<string, ClusterRegistration> KeyOf(string storeName) => new(storeName);

    /// <summary>The proxy of the store's registrar; starts the manager on first use.</summary>
    public IActorRef RegistrarOf(string storeName, TimeSpan majorityTimeout) =>
        _registrars.GetOrAdd(storeName, name => new Lazy<IActorRef>(() => Start(name, majorityTimeout))).Value;

    private IActorRef Start(string storeName, TimeSpan majorityTimeout)
    {
        var managerName = $"csw-location-{storeName}";
        _system.ActorOf(ClusterSingletonManager.Props(
            Registrar.Props(Replicator, KeyOf(storeName), majorityTimeout),
            PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(_system).WithSingletonName("registrar")), managerName);
        return _system.ActorOf(ClusterSingletonProxy.Props($"/user/{managerName}",
            ClusterSingletonProxySettings.Create(_system).WithSingletonName("registrar")), $"{managerName}-proxy");
    }

    /// <summary>Adds the location serializer when the system was configured without <see cref="ClusterSettings.ToConfig"/>.</summary>
    private static void EnsureSerializer(ExtendedActorSystem system)
    {
        if (system.Serialization.FindSerializerForType(typeof(ClusterRegistration)) is not LocationSerializer)
        {
            var serializer = new LocationSerializer(system);
            system.Serialization.AddSerializer("csw-location", serializer);
            system.Serialization.AddSerializationMap(typeof(IClusterLocationMessage), serializer);
        }
    }

    internal sealed class Provider : ExtensionIdProvider<ClusterStores>
    {
        public override ClusterStores CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
