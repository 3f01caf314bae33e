using Csw.Location;

namespace Csw.Cli.Shell;

/// <summary>Reads the names a shell user types for component and connection types, case-insensitively.</summary>
internal static class ShellParsing
{
    /// <summary><c>hcd</c>, <c>assembly</c>, ... as a <see cref="Params.ComponentType"/>.</summary>
    /// <exception cref="ArgumentException">Not a component type; the message lists them.</exception>
    public static Params.ComponentType ComponentType(string name) =>
        Enum.GetNames<Params.ComponentType>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<Params.ComponentType>(found)
            : throw new ArgumentException($"'{name}' is not a component type: use one of {string.Join(", ", Enum.GetNames<Params.ComponentType>())}.", nameof(name));

    /// <summary><c>http</c>, <c>pekko</c> or <c>tcp</c> as a <see cref="Location.ConnectionType"/>.</summary>
    /// <exception cref="ArgumentException">Not a connection type.</exception>
    public static ConnectionType ConnectionType(string name) =>
        ConnectionTypeExtensions.TryParseConnectionType(name, out var type)
            ? type
            : throw new ArgumentException($"'{name}' is not a connection type: use http, pekko or tcp.", nameof(name));
}
