namespace Csw.Location;

/// <summary>How a component is reached (CSW's connection types).</summary>
public enum ConnectionType
{
    /// <summary>An actor reference (CSW's <c>pekko</c>); in CswNet, an in-process supervisor.</summary>
    Pekko,

    /// <summary>An HTTP endpoint.</summary>
    Http,

    /// <summary>A TCP endpoint.</summary>
    Tcp,
}
