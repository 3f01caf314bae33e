using Akka.Actor;
using Csw.Command;
using Csw.Location;
using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// Makes a running component findable: starts its command endpoint when it has one, then
/// registers its connections. Disposing the result unregisters them and stops the endpoint.
/// </summary>
internal sealed class ComponentRegistrar : IAsyncDisposable
{
    private readonly List<RegistrationResult> _registrations = [];

    private CommandEndpoint? _endpoint;

    private ComponentRegistrar()
    {
    }

    public static async Task<ComponentRegistrar> RegisterAsync(IActorRef self, ActorSystem system, ComponentInfo info, ComponentOptions options, ILocationService locationService)
    {
        var registrar = new ComponentRegistrar();
        var id = new ComponentId(info.Prefix, info.ComponentType);
        try
        {
            registrar._registrations.Add(await locationService.RegisterAsync(new PekkoRegistration(Connection.Pekko(id), ActorUri.For(self, system))).ConfigureAwait(false));
            if (options.HttpEndpoint is { } endpointOptions)
            {
                registrar._endpoint = await CommandEndpoint.StartAsync(self, endpointOptions).ConfigureAwait(false);
                registrar._registrations.Add(await locationService.RegisterAsync(registrar._endpoint.RegistrationFor(id)).ConfigureAwait(false));
            }
            return registrar;
        }
        catch
        {
            await registrar.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _registrations)
        {
            try
            {
                await registration.UnregisterAsync().ConfigureAwait(false);
            }
            catch (LocationServiceException)
            {
                // The location service is gone too; its entries go with it (or with the lease).
            }
        }
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync().ConfigureAwait(false);
        }
    }
}
