using Csw.Params;

namespace Csw.Location;

/// <summary>A component reached through an actor (in CswNet, a component's supervisor in this process); registered with a <see cref="PekkoRegistration"/>, found as a <see cref="PekkoLocation"/>.</summary>
public sealed record PekkoConnection : Connection
{
    /// <summary>The pekko connection of <paramref name="componentId"/>.</summary>
    /// <param name="componentId">The component.</param>
    public PekkoConnection(ComponentId componentId)
        : base(componentId)
    {
    }

    /// <inheritdoc />
    public override ConnectionType ConnectionType => ConnectionType.Pekko;
}
