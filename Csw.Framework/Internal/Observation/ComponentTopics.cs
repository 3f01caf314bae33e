using Akka.Actor;
using Akka.Cluster;
using Csw.Params;

namespace Csw.Framework.Internal.Observation;

/// <summary>The DistributedPubSub topics components publish their events to: one per subsystem.</summary>
internal static class ComponentTopics
{
    public static string For(Subsystem subsystem) => $"csw-components-{subsystem}";

    public static IEnumerable<string> All => Enum.GetValues<Subsystem>().Select(For);

    /// <summary>Whether <paramref name="system"/> is a cluster member (DistributedPubSub needs one).</summary>
    public static bool IsClusterMember(ActorSystem system) => ((ExtendedActorSystem)system).Provider is IClusterActorRefProvider;
}
