namespace Csw.Location;

/// <summary>
/// What a component hands to <see cref="ILocationService.RegisterAsync"/>: its connection and how to
/// reach it. One of <see cref="PekkoRegistration"/>, <see cref="HttpRegistration"/> and <see cref="TcpRegistration"/>.
/// </summary>
public abstract record Registration
{
    private protected Registration(Metadata metadata) => Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));

    /// <summary>The connection to register.</summary>
    public abstract Connection Connection { get; }

    /// <summary>What the location will carry.</summary>
    public Metadata Metadata { get; init; }

    /// <summary>The location this registration makes on a host called <paramref name="hostname"/> (CSW's <c>location(hostname)</c>).</summary>
    /// <param name="hostname">The host's name or address, as the location service sees it.</param>
    public abstract Location ToLocation(string hostname);
}
