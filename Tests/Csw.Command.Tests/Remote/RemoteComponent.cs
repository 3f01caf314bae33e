using Akka.Actor;
using Csw.Framework;
using Csw.Location;
using Csw.Params;

namespace Csw.Command.Tests.Remote;

/// <summary>A <see cref="ContractHcd"/> behind a real command endpoint on loopback, and a remote client for it.</summary>
public sealed class RemoteComponent : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>Which protocol the client speaks.</summary>
    public enum Protocol
    {
        /// <summary>CswNet's multiplexed session.</summary>
        Session,

        /// <summary>CSW's own: a POST per request, a WebSocket per stream.</summary>
        Csw,
    }

    internal CommandEndpoint? Endpoint { get; private set; }

    private IActorRef? _component;

    private CommandEndpointOptions? _endpointOptions;

    internal async Task<ICommandService> StartAsync(ActorSystem system, ContractHcdControl control, CommandServiceOptions? options, Protocol protocol, CommandEndpointOptions? endpointOptions = null)
    {
        _component = Component.Spawn(system, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, control));
        _endpointOptions = endpointOptions;
        Endpoint = await CommandEndpoint.StartAsync(_component, endpointOptions);
        var service = Connect(protocol, options);
        // Commands wait while the component initializes; this makes tests start from Running.
        await service.ValidateAsync(new Setup(ContractHcd.Prefix, "complete"));
        return service;
    }

    /// <summary>Stops the endpoint, closing every connection to it; the component goes on.</summary>
    internal async Task StopEndpointAsync()
    {
        await Endpoint!.DisposeAsync();
    }

    /// <summary>Serves the component again on the port it had.</summary>
    internal async Task RestartEndpointAsync()
    {
        Endpoint = await CommandEndpoint.StartAsync(_component!, (_endpointOptions ?? CommandEndpointOptions.Default).WithPort(Endpoint!.Port));
    }

    /// <summary>Disposes <paramref name="owned"/> with the rest.</summary>
    internal void Own(IAsyncDisposable owned) => _owned.Add(owned);

    /// <summary>Another client of the same endpoint.</summary>
    internal ICommandService Connect(Protocol protocol, CommandServiceOptions? options = null)
    {
        var registration = Endpoint!.RegistrationFor(new ComponentId(ContractHcd.Prefix, ComponentType.HCD));
        if (protocol == Protocol.Csw)
        {
            registration = registration with { Metadata = Metadata.Empty };
        }
        var service = CommandServiceFactory.Make(registration.ToLocation("127.0.0.1"), options);
        _owned.Add((IAsyncDisposable)service);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        if (Endpoint is not null)
        {
            await Endpoint.DisposeAsync();
        }
    }
}
