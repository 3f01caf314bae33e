using Csw.Params;

namespace Csw.Location;

/// <summary>The parts of a <see cref="Connection"/>, as CSW writes them: prefix, component type and connection type.</summary>
/// <param name="Prefix">The component's prefix.</param>
/// <param name="ComponentType">The component's type.</param>
/// <param name="ConnectionType">How the component is reached.</param>
public sealed record ConnectionInfo(Prefix Prefix, ComponentType ComponentType, ConnectionType ConnectionType)
{
    /// <summary>The prefix, e.g. <c>TCS.filter.wheel</c>.</summary>
    public Prefix Prefix { get; init; } = Prefix ?? throw new ArgumentNullException(nameof(Prefix));

    /// <summary>CSW's name of the connection, e.g. <c>TCS.filter.wheel-HCD-pekko</c>.</summary>
    public override string ToString() => $"{Prefix}-{ComponentType}-{ConnectionType.WireName()}";
}
