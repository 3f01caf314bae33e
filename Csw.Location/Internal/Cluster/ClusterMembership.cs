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

    /// <summary>
    /// Whether enough members are reachable for a majority read to succeed, as far as this member
    /// knows (the replicator counts every member that is not removed, reachable or not).
    /// </summary>
    public static bool MajorityReachable(Akka.Cluster.Cluster cluster)
    {
        var state = cluster.State;
        var members = state.Members.Count(m => m.Status != MemberStatus.Removed);
        var unreachable = state.Unreachable.Count(m => m.Status != MemberStatus.Removed);
        return members - unreachable >= members / 2 + 1;
    }
}
