using Akka.Actor;
using Akka.Cluster;

namespace Csw.Location.Internal.Cluster;

/// <summary>Joining and waiting for membership.</summary>
internal static class ClusterMembership
{
    /// <summary>A member given no seeds starts a cluster of its own (the others then list it as a seed).</summary>
    public static void JoinSelfIfNoSeeds(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        if (cluster.Settings.SeedNodes.Count == 0 && cluster.SelfMember.Status == MemberStatus.Removed)
        {
            cluster.Join(cluster.SelfAddress);
        }
    }
}
