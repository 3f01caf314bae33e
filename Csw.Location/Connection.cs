using Csw.Params;

namespace Csw.Location;

/// <summary>
/// What is registered in the location service: a component and how it is reached. One of
/// <see cref="PekkoConnection"/>, <see cref="HttpConnection"/> and <see cref="TcpConnection"/>;
/// two connections are equal when they are of the same kind for the same component.
/// </summary>
public abstract record Connection
{
    private protected Connection(ComponentId componentId) =>
        ComponentId = componentId ?? throw new ArgumentNullException(nameof(componentId));

    /// <summary>The component: prefix and type.</summary>
    public ComponentId ComponentId { get; }

    /// <summary>How the component is reached.</summary>
    public abstract ConnectionType ConnectionType { get; }

    /// <summary>The component's prefix.</summary>
    public Prefix Prefix => ComponentId.Prefix;

    /// <summary>The connection's parts as CSW writes them.</summary>
    public ConnectionInfo ConnectionInfo => new(ComponentId.Prefix, ComponentId.ComponentType, ConnectionType);

    /// <summary>CSW's name of the connection, e.g. <c>TCS.filter.wheel-HCD-pekko</c>.</summary>
    public string Name => ConnectionInfo.ToString();

    /// <summary>The actor connection of a component.</summary>
    /// <param name="componentId">The component.</param>
    public static PekkoConnection Pekko(ComponentId componentId) => new(componentId);

    /// <summary>The HTTP connection of a component.</summary>
    /// <param name="componentId">The component.</param>
    public static HttpConnection Http(ComponentId componentId) => new(componentId);

    /// <summary>The TCP connection of a component.</summary>
    /// <param name="componentId">The component.</param>
    public static TcpConnection Tcp(ComponentId componentId) => new(componentId);

    /// <summary>The connection of the given kind for a component.</summary>
    /// <param name="componentId">The component.</param>
    /// <param name="connectionType">How it is reached.</param>
    public static Connection From(ComponentId componentId, ConnectionType connectionType) => connectionType switch
    {
        ConnectionType.Pekko => new PekkoConnection(componentId),
        ConnectionType.Http => new HttpConnection(componentId),
        ConnectionType.Tcp => new TcpConnection(componentId),
        _ => throw new ArgumentOutOfRangeException(nameof(connectionType), connectionType, "not a connection type"),
    };

    /// <summary>The connection described by <paramref name="connectionInfo"/>.</summary>
    /// <param name="connectionInfo">Prefix, component type and connection type.</param>
    public static Connection From(ConnectionInfo connectionInfo)
    {
        ArgumentNullException.ThrowIfNull(connectionInfo);
        return From(new ComponentId(connectionInfo.Prefix, connectionInfo.ComponentType), connectionInfo.ConnectionType);
    }

    /// <summary>The connection named <paramref name="name"/>, as <see cref="Name"/> writes it (e.g. <c>TCS.filter.wheel-HCD-pekko</c>).</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="FormatException">The name is not prefix-componentType-connectionType.</exception>
    public static Connection Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('-');
        var notAConnection = $"'{name}' is not a connection name such as 'TCS.filter.wheel-HCD-pekko'";
        if (parts.Length != 3)
        {
            throw new FormatException($"{notAConnection}.");
        }
        Prefix prefix;
        try
        {
            prefix = Prefix.Parse(parts[0]);
        }
        catch (FormatException e)
        {
            // Prefix's own message says what is wrong with it, e.g. "unknown subsystem 'temp'".
            throw new FormatException($"{notAConnection}: {e.Message}", e);
        }
        if (!Internal.ComponentTypeNames.TryParse(parts[1], out var componentType))
        {
            throw new FormatException($"{notAConnection}: unknown component type '{parts[1]}'; expected one of {Internal.ComponentTypeNames.Expected}.");
        }
        if (!ConnectionTypeExtensions.TryParseConnectionType(parts[2], out var connectionType))
        {
            throw new FormatException($"{notAConnection}: unknown connection type '{parts[2]}' (pekko, http, tcp).");
        }
        return From(new ComponentId(prefix, componentType), connectionType);
    }

    /// <summary>The connection's <see cref="Name"/>.</summary>
    public sealed override string ToString() => Name;
}
