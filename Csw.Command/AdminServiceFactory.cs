using Akka.Actor;
using Csw.Command.Internal.Admin;
using Csw.Command.Internal.Http;
using Csw.Location;

namespace Csw.Command;

/// <summary>Makes admin services (<see cref="IAdminService"/>): for a component's supervisor, or for one found through the location service.</summary>
public static class AdminServiceFactory
{
    /// <summary>An admin service for a component's supervisor: of this process directly, of another process of the cluster over Akka.Remote through <paramref name="system"/>.</summary>
    /// <param name="component">The component's supervisor.</param>
    /// <param name="options">Timeouts; the defaults when null.</param>
    /// <param name="system">The actor system of this process that reaches a remote component; not needed for a local one.</param>
    /// <exception cref="ArgumentException">The actor is in another process and no actor system was given.</exception>
    public static IAdminService Make(IActorRef component, CommandServiceOptions? options = null, ActorSystem? system = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        options ??= CommandServiceOptions.Default;
        IActorAsk ask = ActorUri.IsLocal(component) && component is IInternalActorRef local
            ? new LocalAsk(local)
            : system is not null
                ? new RemoteActorAsk(component)
                : throw new ArgumentException($"{component.Path} is in another process: pass the ActorSystem to reach it through.", nameof(system));
        return new ActorAdminService(ask, options);
    }

    /// <summary>
    /// An admin service for a component found through the location service: a
    /// <see cref="PekkoLocation"/> through its actor (<paramref name="system"/> resolves it), an
    /// <see cref="HttpLocation"/> through the admin route of its command endpoint
    /// (<see cref="CommandEndpoint.AdminPath"/>, with <see cref="CommandServiceOptions.Token"/>).
    /// Dispose an HTTP one (it is <see cref="IAsyncDisposable"/>) when done.
    /// </summary>
    /// <param name="location">Where the component is.</param>
    /// <param name="options">Timeouts and token; the defaults when null.</param>
    /// <param name="system">The actor system that resolves a <see cref="PekkoLocation"/>; not needed for an <see cref="HttpLocation"/>.</param>
    /// <exception cref="ArgumentException">The location is not one an admin service can use.</exception>
    public static IAdminService Make(Location.Location location, CommandServiceOptions? options = null, ActorSystem? system = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= CommandServiceOptions.Default;
        var target = $"{location.Connection.ComponentId.ComponentType} {location.Prefix}";
        return location switch
        {
            PekkoLocation pekko when system is not null && ActorUri.TryResolve(pekko.Uri, system, out var supervisor) => Make(supervisor, options, system),
            PekkoLocation pekko => throw new ArgumentException($"{target} is registered at {pekko.Uri}, an actor this process cannot reach: pass an ActorSystem with remoting, or use its HttpConnection location.", nameof(location)),
            HttpLocation http => new HttpAdminService(SharedHttp.BaseUri(http.Uri), options, target),
            _ => throw new ArgumentException($"{target} is registered with a {location.Connection.ConnectionType} connection, which has no admin route.", nameof(location)),
        };
    }
}
