namespace Csw.Location;

/// <summary>How a component is reached (CSW's connection types; on the wire <c>pekko</c>, <c>http</c>, <c>tcp</c>).</summary>
public enum ConnectionType
{
    /// <summary>An actor reference (CSW's <c>pekko</c>); in CswNet, a component's supervisor actor, its URI made by <see cref="ActorUri"/>.</summary>
    Pekko,

    /// <summary>An HTTP endpoint, such as a component's command endpoint.</summary>
    Http,

    /// <summary>A TCP endpoint.</summary>
    Tcp,
}
