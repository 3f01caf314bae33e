using Csw.Params;

namespace Csw.Location;

/// <summary>A component reached through an HTTP endpoint (such as its command endpoint); registered with a <see cref="HttpRegistration"/>, found as a <see cref="HttpLocation"/>.</summary>
public sealed record HttpConnection : Connection
{
    /// <summary>The http connection of <paramref name="componentId"/>.</summary>
    /// <param name="componentId">The component.</param>
    public HttpConnection(ComponentId componentId)
        : base(componentId)
    {
    }

    /// <inheritdoc />
    public override ConnectionType ConnectionType => ConnectionType.Http;
}
