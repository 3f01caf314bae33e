using Csw.Params;

namespace Csw.Location;

/// <summary>What is registered in the location service: a component and how it is reached.</summary>
/// <param name="ComponentId">The component: prefix and type.</param>
/// <param name="ConnectionType">How it is reached.</param>
public sealed record Connection(ComponentId ComponentId, ConnectionType ConnectionType)
{
    /// <summary>The in-process actor connection of a component.</summary>
    /// <param name="componentId">The component.</param>
    public static Connection Pekko(ComponentId componentId) => new(componentId, ConnectionType.Pekko);

    /// <summary>The HTTP connection of a component.</summary>
    /// <param name="componentId">The component.</param>
    public static Connection Http(ComponentId componentId) => new(componentId, ConnectionType.Http);

    /// <summary>CSW's name for the connection, e.g. <c>WFOS.blue.filter-hcd-pekko</c>.</summary>
    public string Name => $"{ComponentId.Prefix}-{ComponentId.ComponentType.ToString().ToLowerInvariant()}-{ConnectionType.ToString().ToLowerInvariant()}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
