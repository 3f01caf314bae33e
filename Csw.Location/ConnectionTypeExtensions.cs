namespace Csw.Location;

/// <summary>CSW's names of the <see cref="ConnectionType"/>s.</summary>
public static class ConnectionTypeExtensions
{
    /// <summary>The name CSW uses on the wire and in connection names: <c>pekko</c>, <c>http</c> or <c>tcp</c>.</summary>
    /// <param name="connectionType">The connection type.</param>
    public static string WireName(this ConnectionType connectionType) => connectionType switch
    {
        ConnectionType.Pekko => "pekko",
        ConnectionType.Http => "http",
        ConnectionType.Tcp => "tcp",
        _ => throw new ArgumentOutOfRangeException(nameof(connectionType), connectionType, "not a connection type"),
    };

    /// <summary>The connection type named <paramref name="name"/> (<c>pekko</c>, <c>http</c> or <c>tcp</c>, in any case).</summary>
    /// <param name="name">The name.</param>
    /// <param name="connectionType">The connection type, when the name is known.</param>
    public static bool TryParseConnectionType(string? name, out ConnectionType connectionType)
    {
        foreach (var candidate in (ReadOnlySpan<ConnectionType>)[ConnectionType.Pekko, ConnectionType.Http, ConnectionType.Tcp])
        {
            if (string.Equals(name, candidate.WireName(), StringComparison.OrdinalIgnoreCase))
            {
                connectionType = candidate;
                return true;
            }
        }
        connectionType = default;
        return false;
    }
}
