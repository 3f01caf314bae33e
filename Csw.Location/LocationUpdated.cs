namespace Csw.Location;

/// <summary>The connection is registered (or was registered anew) at <paramref name="Location"/>.</summary>
/// <param name="Location">Where it is.</param>
public sealed record LocationUpdated(Location Location) : TrackingEvent(Location.Connection);
