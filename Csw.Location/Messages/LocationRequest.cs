using Csw.Params;

namespace Csw.Location.Messages;

/// <summary>
/// A request to the location server's HTTP endpoint (<c>POST /post-endpoint</c>), as CSW's
/// <c>LocationRequest</c>: on the wire <c>{"_type": "Find", "connection": {...}}</c> and so on.
/// Each mirrors one <see cref="ILocationService"/> call.
/// </summary>
public abstract record LocationRequest
{
    private protected LocationRequest()
    {
    }
}

/// <summary>Registers <paramref name="Registration"/>; answered by the <see cref="Location"/> registered.</summary>
/// <param name="Registration">What to register.</param>
public sealed record Register(Registration Registration) : LocationRequest;

/// <summary>Unregisters <paramref name="Connection"/>; answered by <c>Done</c>.</summary>
/// <param name="Connection">The connection.</param>
public sealed record Unregister(Connection Connection) : LocationRequest;

/// <summary>Unregisters everything; answered by <c>Done</c>.</summary>
public sealed record UnregisterAll() : LocationRequest;

/// <summary>Finds <paramref name="Connection"/>; answered by an array of none or one <see cref="Location"/>.</summary>
/// <param name="Connection">The connection.</param>
public sealed record Find(Connection Connection) : LocationRequest;

/// <summary>Finds <paramref name="Connection"/>, waiting up to <paramref name="Within"/>; answered by an array of none or one <see cref="Location"/>.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Within">How long to wait; on the wire as Scala writes a duration, e.g. <c>"23 seconds"</c>.</param>
public sealed record Resolve(Connection Connection, TimeSpan Within) : LocationRequest;

/// <summary>Lists every location; answered by an array of <see cref="Location"/>s.</summary>
public sealed record ListEntries() : LocationRequest;

/// <summary>Lists the locations of one component type; answered by an array of <see cref="Location"/>s.</summary>
/// <param name="ComponentType">The component type.</param>
public sealed record ListByComponentType(ComponentType ComponentType) : LocationRequest;

/// <summary>Lists the locations on one host; answered by an array of <see cref="Location"/>s.</summary>
/// <param name="Hostname">The host name or address.</param>
public sealed record ListByHostname(string Hostname) : LocationRequest;

/// <summary>Lists the locations of one connection type; answered by an array of <see cref="Location"/>s.</summary>
/// <param name="ConnectionType">The connection type.</param>
public sealed record ListByConnectionType(ConnectionType ConnectionType) : LocationRequest;

/// <summary>Lists the locations whose prefix starts with <paramref name="Prefix"/>; answered by an array of <see cref="Location"/>s.</summary>
/// <param name="Prefix">The start of the prefix, e.g. <c>TCS.filter</c>.</param>
public sealed record ListByPrefix(string Prefix) : LocationRequest;
