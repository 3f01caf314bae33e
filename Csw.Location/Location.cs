using Csw.Params;

namespace Csw.Location;

/// <summary>
/// Where a registered connection is reached: <see cref="PekkoLocation"/>, <see cref="HttpLocation"/>
/// or <see cref="TcpLocation"/>, each made by the location service from a <see cref="Registration"/>.
/// </summary>
public abstract record Location
{
    private protected Location(Uri uri, Metadata metadata)
    {
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
    }

    /// <summary>The connection registered.</summary>
    public abstract Connection Connection { get; }

    /// <summary>The address: an HTTP or TCP address, or an actor's URI (<see cref="ActorUri"/>).</summary>
    public Uri Uri { get; init; }

    /// <summary>What the registrant added.</summary>
    public Metadata Metadata { get; init; }

    /// <summary>The component's prefix.</summary>
    public Prefix Prefix => Connection.Prefix;
}
