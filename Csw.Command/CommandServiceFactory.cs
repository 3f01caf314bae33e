using Akka.Actor;
using Csw.Command.Internal;
using Csw.Command.Internal.Http;
using Csw.Command.Internal.Remote;
using Csw.Location;

namespace Csw.Command;

/// <summary>Makes command services: for a component of this process, or for one found through the location service.</summary>
public static class CommandServiceFactory
{
    /// <summary>
    /// A command service for a component's supervisor: one of this process directly, one in another
    /// process of the cluster over Akka.Remote through <paramref name="system"/>.
    /// </summary>
    /// <param name="component">The component's supervisor.</param>
    /// <param name="options">Timeouts and logging; the defaults when null.</param>
    /// <param name="system">The actor system of this process that reaches a remote component; not needed for a local one.</param>
    /// <exception cref="ArgumentException">The actor is in another process and no actor system was given.</exception>
    public static ICommandService Make(IActorRef component, CommandServiceOptions? options = null, ActorSystem? system = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        options ??= CommandServiceOptions.Default;
        return ActorUri.IsLocal(component)
            ? new LocalCommandService(component, options)
            : new RemoteCommandService(component, system ?? throw new ArgumentException($"{component.Path} is in another process: pass the ActorSystem to reach it through.", nameof(system)), options);
    }

    /// <summary>
    /// A command service for a component found through the location service. A
    /// <see cref="PekkoLocation"/> is reached through <paramref name="system"/>: directly in this
    /// process, over Akka.Remote in another process of the cluster; an
    /// <see cref="HttpLocation"/> is reached over HTTP/WebSocket: through CswNet's session when the
    /// registration advertises it (<see cref="CommandEndpoint.SessionMetadataKey"/>), otherwise
    /// through CSW's per-request protocol, which any CSW component serves. Dispose a remote
    /// service (it is <see cref="IAsyncDisposable"/>) to close its connections.
    /// </summary>
    /// <param name="location">Where the component is.</param>
    /// <param name="options">Timeouts, token and logging; the defaults when null.</param>
    /// <param name="system">The actor system that resolves a <see cref="PekkoLocation"/>; not needed for an <see cref="HttpLocation"/>.</param>
    /// <exception cref="ArgumentException">The location is not one a command service can use.</exception>
    public static ICommandService Make(Location.Location location, CommandServiceOptions? options = null, ActorSystem? system = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= CommandServiceOptions.Default;
        var target = $"{location.Connection.ComponentId.ComponentType} {location.Prefix}";
        switch (location)
        {
            case PekkoLocation pekko when system is not null && ActorUri.TryResolve(pekko.Uri, system, out var supervisor):
                return Make(supervisor, options, system);
            case PekkoLocation pekko:
                throw new ArgumentException(system is null
                    ? $"{target} is registered at {pekko.Uri}, an actor: pass the ActorSystem to reach it through, or use its HttpConnection location."
                    : $"{target} is registered at {pekko.Uri}, which {system.Name} cannot reach: the actor is gone, or this actor system has no remoting (use the component's HttpConnection location).", nameof(location));
            case HttpLocation http:
                var baseUri = SharedHttp.BaseUri(http.Uri);
                ICommandTransport transport = http.Metadata.Get(CommandEndpoint.SessionMetadataKey) is { } sessionPath
                    ? new SessionTransport(SharedHttp.WebSocketUri(baseUri, sessionPath.TrimStart('/')), options)
                    : new CswTransport(baseUri, options);
                return new HttpCommandService(transport, options, target);
            default:
                throw new ArgumentException($"{target} is registered with a {location.Connection.ConnectionType} connection, which does not carry commands.", nameof(location));
        }
    }
}
