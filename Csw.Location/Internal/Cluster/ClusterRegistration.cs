using Akka.Cluster;

namespace Csw.Location.Internal.Cluster;

/// <summary>Marks what crosses the wire through <see cref="LocationSerializer"/>.</summary>
internal interface IClusterLocationMessage;

/// <summary>
/// One entry of the replicated map: a location and the member (address and incarnation) that
/// owns it, whose leaving or downing removes it.
/// </summary>
internal sealed record ClusterRegistration(Location Location, string OwnerAddress, long OwnerUid) : IClusterLocationMessage
{
    public static ClusterRegistration Of(Location location, UniqueAddress owner) => new(location, owner.Address.ToString(), owner.Uid);

    public bool IsOwnedBy(UniqueAddress member) => member.Uid == OwnerUid && member.Address.ToString() == OwnerAddress;
}
