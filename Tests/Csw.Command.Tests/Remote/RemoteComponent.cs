using Csw.Actors;
using Csw.Framework;
using Csw.Location;
using Csw.Params;

namespace Csw.Command.Tests.Remote;

/// <summary>A <see cref="ContractHcd"/> behind a real command endpoint on loopback, and a remote client for it.</summary>
internal sealed class RemoteComponent : IAsyncDisposable
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

    public CommandEndpoint? Endpoint { get; private set; }

    public async Task<ICommandService> StartAsync(ActorSystem system, ContractHcdControl control, CommandServiceOptions? options, Protocol protocol, CommandEndpointOptions? endpointOptions = null)
    {
        var component = Component.Spawn(system, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, control));
        Endpoint = await CommandEndpoint.StartAsync(component, endpointOptions);
        _owned.Add(Endpoint);
        var service = Connect(protocol, options);
        // Commands wait while the component initializes; this makes tests start from Running.
        await service.ValidateAsync(new Setup(ContractHcd.Prefix, "complete"));
        return service;
    }

    /// <summary>Another client of the same endpoint.</summary>
    public ICommandService Connect(Protocol protocol, CommandServiceOptions? options = null)
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
    }
}
