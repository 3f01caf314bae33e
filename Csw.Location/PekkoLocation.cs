namespace Csw.Location;

/// <summary>An actor's location: <see cref="Location.Uri"/> is its reference (made by <see cref="ActorUri.For"/>).</summary>
public sealed record PekkoLocation : Location
{
    /// <summary>The location of <paramref name="connection"/> at <paramref name="uri"/>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="uri">The address.</param>
    /// <param name="metadata">What the registrant added; none when null.</param>
    public PekkoLocation(PekkoConnection connection, Uri uri, Metadata? metadata = null)
        : base(uri, metadata ?? Metadata.Empty)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <inheritdoc />
    public override PekkoConnection Connection { get; }
}
