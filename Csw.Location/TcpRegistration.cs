namespace Csw.Location;

/// <summary>Registers a TCP endpoint; the location is <c>tcp://host:port</c>.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Port">The port the endpoint listens on.</param>
/// <param name="Metadata">What the location will carry.</param>
public sealed record TcpRegistration(TcpConnection Connection, int Port, Metadata Metadata) : Registration(Metadata)
{
    /// <summary>Registers <paramref name="connection"/> without metadata.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="port">The port.</param>
    public TcpRegistration(TcpConnection connection, int port)
        : this(connection, port, Metadata.Empty)
    {
    }

    /// <inheritdoc />
    public override TcpConnection Connection { get; } = Connection ?? throw new ArgumentNullException(nameof(Connection));

    /// <summary>The port the endpoint listens on (0 to 65535).</summary>
    public int Port { get; init; } = Port is >= 0 and <= 65535 ? Port : throw new ArgumentOutOfRangeException(nameof(Port), Port, "A port is between 0 and 65535.");

    /// <inheritdoc />
    public override Location ToLocation(string hostname) => new TcpLocation(Connection, new Uri($"tcp://{hostname}:{Port}"), Metadata);
}
