namespace Csw.Location.Internal.Cluster;

/// <summary>Registers an entry unless its connection is held by another location; answered with <see cref="Registered"/>, <see cref="Refused"/> or <see cref="Failed"/>.</summary>
internal sealed record Register(ClusterRegistration Entry) : IClusterLocationMessage;

/// <summary>Removes a connection's entry (only while it is at <paramref name="IfAt"/>, when given); answered with <see cref="Done"/> or <see cref="Failed"/>.</summary>
internal sealed record Unregister(string ConnectionName, Location? IfAt) : IClusterLocationMessage;

/// <summary>Removes every entry; answered with <see cref="Done"/> or <see cref="Failed"/>.</summary>
internal sealed record UnregisterAll : IClusterLocationMessage
{
    public static readonly UnregisterAll Instance = new();
}

/// <summary>The entry is registered (and replicated to a majority).</summary>
internal sealed record Registered(Location Location) : IClusterLocationMessage;

/// <summary>The connection is held by <paramref name="Other"/>.</summary>
internal sealed record Refused(Location Other) : IClusterLocationMessage;

/// <summary>The change is made (and replicated to a majority).</summary>
internal sealed record Done : IClusterLocationMessage
{
    public static readonly Done Instance = new();
}

/// <summary>The registrar could not make the change, and says why.</summary>
internal sealed record Failed(string Reason) : IClusterLocationMessage;

/// <summary>
/// A member's tracking actor asks to hear every change: answered with a <see cref="Snapshot"/> (unless
/// it has heard every change up to the registrar's last, <paramref name="Known"/>), then a
/// <see cref="LocationChanged"/> per change, in order. Sent again every second, so that a follower
/// the registrar forgot, or a change lost on the way, is put right.
/// </summary>
internal sealed record Follow(long Known) : IClusterLocationMessage
{
    public static readonly Follow Anew = new(-1);
}

/// <summary>Every registered location, as the registrar holds them after its change number <paramref name="Sequence"/>.</summary>
internal sealed record Snapshot(IReadOnlyList<Location> Locations, long Sequence) : IClusterLocationMessage
{
    public bool Equals(Snapshot? other) => other is not null && Sequence == other.Sequence && Locations.SequenceEqual(other.Locations);

    public override int GetHashCode() => Locations.Count;
}

/// <summary>A connection's location changed (null: unregistered): the registrar's change number <paramref name="Sequence"/>, counted from 1.</summary>
internal sealed record LocationChanged(string ConnectionName, Location? Now, long Sequence) : IClusterLocationMessage;
