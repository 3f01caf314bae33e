namespace Csw.Location.Messages;

/// <summary>
/// A request on the location server's WebSocket endpoint (<c>/websocket-endpoint</c>), as CSW's
/// <c>LocationStreamRequest</c>.
/// </summary>
public abstract record LocationStreamRequest
{
    private protected LocationStreamRequest()
    {
    }
}

/// <summary>Tracks <paramref name="Connection"/>; answered by a stream of <see cref="TrackingEvent"/>s.</summary>
/// <param name="Connection">The connection.</param>
public sealed record Track(Connection Connection) : LocationStreamRequest;
