namespace Csw.Location;

/// <summary>Registers an actor; the location's URI is <paramref name="ActorRefUri"/> itself, whatever the host.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="ActorRefUri">The actor's address (<see cref="ActorUri.For"/>).</param>
/// <param name="Metadata">What the location will carry.</param>
public sealed record PekkoRegistration(PekkoConnection Connection, Uri ActorRefUri, Metadata Metadata) : Registration(Metadata)
{
    /// <summary>Registers <paramref name="connection"/> at <paramref name="actorRefUri"/>, without metadata.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="actorRefUri">The actor's address.</param>
    public PekkoRegistration(PekkoConnection connection, Uri actorRefUri)
        : this(connection, actorRefUri, Metadata.Empty)
    {
    }

    /// <inheritdoc />
    public override PekkoConnection Connection { get; } = Connection ?? throw new ArgumentNullException(nameof(Connection));

    /// <summary>The actor's address.</summary>
    public Uri ActorRefUri { get; init; } = ActorRefUri ?? throw new ArgumentNullException(nameof(ActorRefUri));

    /// <inheritdoc />
    public override Location ToLocation(string hostname) => new PekkoLocation(Connection, ActorRefUri, Metadata);
}
