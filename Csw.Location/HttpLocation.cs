namespace Csw.Location;

/// <summary>An HTTP endpoint's location, e.g. <c>http://10.0.0.5:8080/</c>.</summary>
public sealed record HttpLocation : Location
{
    /// <summary>The location of <paramref name="connection"/> at <paramref name="uri"/>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="uri">The address.</param>
    /// <param name="metadata">What the registrant added; none when null.</param>
    public HttpLocation(HttpConnection connection, Uri uri, Metadata? metadata = null)
        : base(uri, metadata ?? Metadata.Empty)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <inheritdoc />
    public override HttpConnection Connection { get; }
}
