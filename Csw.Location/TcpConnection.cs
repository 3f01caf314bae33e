using Csw.Params;

namespace Csw.Location;

/// <summary>A component reached through a TCP endpoint; registered with a <see cref="TcpRegistration"/>, found as a <see cref="TcpLocation"/>.</summary>
public sealed record TcpConnection : Connection
{
    /// <summary>The tcp connection of <paramref name="componentId"/>.</summary>
    /// <param name="componentId">The component.</param>
    public TcpConnection(ComponentId componentId)
        : base(componentId)
    {
    }

    /// <inheritdoc />
    public override ConnectionType ConnectionType => ConnectionType.Tcp;
}
