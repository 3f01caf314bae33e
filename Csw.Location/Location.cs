namespace Csw.Location;

/// <summary>Where a registered connection is reached.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Uri">Its address (for an in-process actor, see <see cref="LocalActorUri"/>).</param>
public sealed record Location(Connection Connection, Uri Uri);
