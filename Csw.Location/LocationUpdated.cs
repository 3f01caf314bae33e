namespace Csw.Location;

/// <summary>The connection is registered (or was registered anew) at <paramref name="Location"/>.</summary>
/// <param name="Location">Where it is.</param>
public sealed record LocationUpdated(Location Location) : TrackingEvent
{
    /// <summary>Where it is.</summary>
    public Location Location { get; init; } = Location ?? throw new ArgumentNullException(nameof(Location));

    /// <inheritdoc />
    public override Connection Connection => Location.Connection;
}
