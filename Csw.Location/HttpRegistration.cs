namespace Csw.Location;

/// <summary>Registers an HTTP endpoint; the location is <c>http://host:port/path</c>.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Port">The port the endpoint listens on.</param>
/// <param name="Path">The path of the endpoint (without a leading slash; empty for the root).</param>
/// <param name="NetworkType">Which network the endpoint is reachable on.</param>
/// <param name="Metadata">What the location will carry.</param>
public sealed record HttpRegistration(HttpConnection Connection, int Port, string Path, NetworkType NetworkType, Metadata Metadata) : Registration(Metadata)
{
    /// <summary>Registers <paramref name="connection"/> on the inside network, without metadata.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="port">The port.</param>
    /// <param name="path">The path (empty for the root).</param>
    public HttpRegistration(HttpConnection connection, int port, string path = "")
        : this(connection, port, path, NetworkType.Inside, Metadata.Empty)
    {
    }

    /// <inheritdoc />
    public override HttpConnection Connection { get; } = Connection ?? throw new ArgumentNullException(nameof(Connection));

    /// <summary>The port the endpoint listens on (0 to 65535).</summary>
    public int Port { get; init; } = Port is >= 0 and <= 65535 ? Port : throw new ArgumentOutOfRangeException(nameof(Port), Port, "A port is between 0 and 65535.");

    /// <summary>The path of the endpoint.</summary>
    public string Path { get; init; } = Path ?? throw new ArgumentNullException(nameof(Path));

    /// <inheritdoc />
    public override Location ToLocation(string hostname) =>
        new HttpLocation(Connection, new Uri($"http://{hostname}:{Port}/{Path.TrimStart('/')}"), Metadata);
}
