using Akka.Actor;
using Akka.Configuration;
using Csw.Framework;
using Csw.Location;
using Csw.Params;

namespace Csw.Command.Tests.Remote;

/// <summary>
/// A <see cref="ContractHcd"/> in an actor system of its own with remoting on loopback, as if in
/// another process of the cluster, and a client reaching it over Akka.Remote through its location.
/// </summary>
public sealed class AkkaRemoteComponent : IAsyncDisposable
{
    /// <summary>Remoting on a free loopback port: for the component's system and the client's.</summary>
    public const string RemoteConfig = """
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        """;

    /// <summary>The component's actor system, standing for another process.</summary>
    public ActorSystem Server { get; } = CswActorSystem.Create("server", config: ConfigurationFactory.ParseString(RemoteConfig));

    /// <summary>The component's supervisor, as the server knows it.</summary>
    public IActorRef? Component { get; private set; }

    internal Task<ICommandService> StartAsync(ActorSystem client, ContractHcdControl control, CommandServiceOptions? options) =>
        StartAsync(client, ContractHcd.Prefix, context => new ContractHcd(context, control), options);

    /// <summary>Starts an HCD with these handlers in the server, and gives the client's command service for it; it answers commands once this returns.</summary>
    internal async Task<ICommandService> StartAsync(ActorSystem client, Prefix prefix, Func<CswContext, ComponentHandlers> handlers, CommandServiceOptions? options)
    {
        Component = Csw.Framework.Component.Spawn(Server, new ComponentInfo(prefix, ComponentType.HCD), handlers);
        var location = new PekkoRegistration(Connection.Pekko(new ComponentId(prefix, ComponentType.HCD)), ActorUri.For(Component, Server)).ToLocation("127.0.0.1");
        var service = CommandServiceFactory.Make(location, options, client);
        // Commands wait while the component initializes; this makes tests start from Running.
        await service.ValidateAsync(new Setup(prefix, "complete"));
        return service;
    }

    public async ValueTask DisposeAsync() => await Server.Terminate();
}
