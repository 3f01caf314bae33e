namespace Csw.Location;

/// <summary>A change of a tracked connection: <see cref="LocationUpdated"/> or <see cref="LocationRemoved"/>.</summary>
/// <param name="Connection">The connection tracked.</param>
public abstract record TrackingEvent(Connection Connection);
