namespace Csw.Location;

/// <summary>A TCP endpoint's location, e.g. <c>tcp://10.0.0.5:9000</c>.</summary>
public sealed record TcpLocation : Location
{
    /// <summary>The location of <paramref name="connection"/> at <paramref name="uri"/>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="uri">The address.</param>
    /// <param name="metadata">What the registrant added; none when null.</param>
    public TcpLocation(TcpConnection connection, Uri uri, Metadata? metadata = null)
        : base(uri, metadata ?? Metadata.Empty)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <inheritdoc />
    public override TcpConnection Connection { get; }
}
