using Akka.Actor;
using Csw.Command;
using Csw.Location;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Makes a running component findable: starts its command endpoint when it has one, then
/// registers its connections. Disposing the result unregisters them and stops the endpoint; it
/// never throws (it runs unobserved as the component stops), and the endpoint's port is freed
/// even when the location service is already gone.
/// </summary>
internal sealed class ComponentRegistrar : IAsyncDisposable
{
    private readonly List<RegistrationResult> _registrations = [];

    private readonly ILogger _log;

    private readonly ComponentInfo _info;

    private CommandEndpoint? _endpoint;

    private ComponentRegistrar(ComponentInfo info, ILogger log)
    {
        _info = info;
        _log = log;
    }

    public static async Task<ComponentRegistrar> RegisterAsync(IActorRef self, ActorSystem system, ComponentInfo info, ComponentOptions options, ILocationService locationService)
    {
        // The endpoint's logger: the process's, in a container (csw container sets it).
        var log = (options.HttpEndpoint?.LoggerFactory ?? options.Commands.LoggerFactory).CreateLogger<ComponentRegistrar>();
        var registrar = new ComponentRegistrar(info, log);
        var id = new ComponentId(info.Prefix, info.ComponentType);
        try
        {
            registrar.Add(await locationService.RegisterAsync(new PekkoRegistration(Connection.Pekko(id), ActorUri.For(self, system))).ConfigureAwait(false));
            if (options.HttpEndpoint is { } endpointOptions)
            {
                registrar._endpoint = await CommandEndpoint.StartAsync(self, endpointOptions).ConfigureAwait(false);
                registrar.Add(await locationService.RegisterAsync(registrar._endpoint.RegistrationFor(id)).ConfigureAwait(false));
            }
            return registrar;
        }
        catch
        {
            await registrar.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Add(RegistrationResult registration)
    {
        _registrations.Add(registration);
        Telemetry.ComponentTelemetry.Registered(registration.Location.Connection.ConnectionType, 1);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _registrations)
        {
            try
            {
                await registration.UnregisterAsync().ConfigureAwait(false);
                Telemetry.ComponentTelemetry.Registered(registration.Location.Connection.ConnectionType, -1);
            }
            catch (Exception e)
            {
                // The location service may be gone too (disposed, unreachable); its entries then go
                // with it or with their lease. Either way the endpoint below must still stop.
                _log.LogWarning(e, "{Component} could not unregister {Connection}", _info, registration.Location.Connection);
            }
        }
        if (_endpoint is not null)
        {
            try
            {
                await _endpoint.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.LogError(e, "{Component} could not stop its command endpoint {Endpoint}", _info, _endpoint);
            }
        }
    }
}
