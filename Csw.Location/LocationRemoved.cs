namespace Csw.Location;

/// <summary>The connection is no longer registered.</summary>
/// <param name="Connection">The connection.</param>
public sealed record LocationRemoved(Connection Connection) : TrackingEvent
{
    /// <inheritdoc />
    public override Connection Connection { get; } = Connection ?? throw new ArgumentNullException(nameof(Connection));
}
