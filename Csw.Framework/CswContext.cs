using System.Collections.Concurrent;
using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Framework.Internal.Logging;
using Csw.Framework.Internal.Telemetry;
using Csw.Location;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>
/// What a component's handlers get from the framework: who they are, where to publish state, the
/// CommandResponseManager for long-running commands, a logger, timers, and command services for
/// other components, and the component's actor context for child actors of the handlers' own.
/// All members are safe to use from any thread.
/// </summary>
public sealed class CswContext
{
    /// <summary>Timeouts, token and logging of the command services this context makes.</summary>
    private readonly CommandServiceOptions _commandServiceOptions;

    /// <summary>Remote command services by endpoint, made once and closed when the component stops; made on first use (most components never need one).</summary>
    private ConcurrentDictionary<Uri, ICommandService>? _remote;

    internal CswContext(
        ComponentInfo info,
        IActorRef self,
        IActorRefFactory actorContext,
        ActorSystem system,
        CurrentStatePublisher currentStatePublisher,
        CommandResponseManager commandResponseManager,
        ILoggerFactory loggerFactory,
        ComponentTimers timers,
        ILocationService locationService,
        CommandServiceOptions commandServiceOptions,
        LogLevel? logLevel = null)
    {
        _commandServiceOptions = commandServiceOptions;
        LocationService = locationService;
        ComponentInfo = info;
        Self = self;
        ActorContext = actorContext;
        System = system;
        CurrentStatePublisher = currentStatePublisher;
        CommandResponseManager = commandResponseManager;
        LoggerFactory = loggerFactory;
        ComponentLogger = new ComponentLogger(loggerFactory, info.Prefix, logLevel);
        Telemetry = new ComponentTelemetry(info.Prefix);
        Timers = timers;
    }

    /// <summary>The component's prefix, type and settings.</summary>
    public ComponentInfo ComponentInfo { get; }

    /// <summary>The component's own supervisor, e.g. to hand out as an address.</summary>
    public IActorRef Self { get; }

    /// <summary>
    /// The component's actor context, for child actors of the handlers' own (a hardware poller, a
    /// per-axis controller): <c>ActorContext.ActorOf(props, name)</c>, from any handler method. The
    /// component supervises them: one that throws is restarted, at most 10 times a minute, then
    /// stopped; and it stops them when its handlers are replaced (Restart) or it shuts down.
    /// </summary>
    public IActorRefFactory ActorContext { get; }

    /// <summary>The actor system the component runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>Publishes the component's CurrentState.</summary>
    public CurrentStatePublisher CurrentStatePublisher { get; }

    /// <summary>Where long-running commands report their final response (<see cref="CommandResponseManager.UpdateCommand"/>).</summary>
    public CommandResponseManager CommandResponseManager { get; }

    /// <summary>
    /// A logger named after the component's prefix (<c>Csw.Component.&lt;prefix&gt;</c>), which the
    /// framework uses too: an operator can change its level while the component runs, and its entries
    /// carry the component and, inside a command's handler call, the runId as scope.
    /// </summary>
    public ILogger Logger => ComponentLogger;

    /// <summary>The component's instruments and spans.</summary>
    internal ComponentTelemetry Telemetry { get; }

    /// <summary>The component's logger, with its level switch.</summary>
    internal ComponentLogger ComponentLogger { get; }

    /// <summary>For loggers of the handlers' own helpers.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Timers cancelled when the component shuts down or restarts.</summary>
    public ComponentTimers Timers { get; }

    /// <summary>Where components register and find each other.</summary>
    public ILocationService LocationService { get; }

    /// <summary>
    /// A command service for another component, found through the location service (waiting up to
    /// <paramref name="within"/> for it to register): through its actor (<c>pekko</c>) connection when
    /// this component's actor system can reach it — directly in this process, over Akka.Remote in
    /// another process of the cluster — otherwise through its HTTP command endpoint.
    /// </summary>
    /// <param name="component">The other component.</param>
    /// <param name="within">How long to wait for it; 5 s when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">The component is not registered in time, or not reachable from this process.</exception>
    public async Task<ICommandService> CommandServiceForAsync(ComponentId component, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(component);
        var wait = within ?? TimeSpan.FromSeconds(5);
        using var resolving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pekko = LocationService.ResolveAsync(Connection.Pekko(component), wait, resolving.Token);
        var http = LocationService.ResolveAsync(Connection.Http(component), wait, resolving.Token);
        try
        {
            await Task.WhenAny(pekko, http).ConfigureAwait(false);
            // An actor this system reaches is commanded through it, even if it also has an endpoint.
            var local = pekko.IsCompletedSuccessfully ? await pekko.ConfigureAwait(false) : await LocationService.FindAsync(Connection.Pekko(component), cancellationToken).ConfigureAwait(false);
            if (local is not null && ActorUri.TryResolve(local.Uri, System, out var supervisor))
            {
                return CommandServiceFactory.Make(supervisor, _commandServiceOptions, System);
            }
            return await http.ConfigureAwait(false) is { } remote
                ? CommandServiceFor(remote)
                : throw new InvalidOperationException(local is null
                    ? $"{component.ComponentType} {component.Prefix} did not register within {wait.TotalSeconds:0.###} s."
                    : $"{component.ComponentType} {component.Prefix} runs where {System.Name} cannot reach its actor ({local.Uri}: another process, and this actor system has no remoting) and registered no HTTP command endpoint within {wait.TotalSeconds:0.###} s.");
        }
        finally
        {
            await resolving.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(pekko, http)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// A command service for a component at <paramref name="location"/> (from a tracking event, for
    /// instance): a <see cref="PekkoLocation"/> through its actor (in this process, or over
    /// Akka.Remote), an <see cref="HttpLocation"/> through its endpoint. An HTTP service is made once
    /// per endpoint and closed when this component stops.
    /// </summary>
    /// <param name="location">A <see cref="PekkoLocation"/> this component's actor system reaches, or an <see cref="HttpLocation"/>.</param>
    /// <exception cref="ArgumentException">The location is not one a command service can use.</exception>
    public ICommandService CommandServiceFor(Location.Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location is HttpLocation
            ? LazyInitializer.EnsureInitialized(ref _remote).GetOrAdd(location.Uri, static (_, state) => CommandServiceFactory.Make(state.location, state.options), (location, options: _commandServiceOptions))
            : CommandServiceFactory.Make(location, _commandServiceOptions, System);
    }

    /// <summary>A command service for a component's supervisor: in this process, or over Akka.Remote in another process of the cluster.</summary>
    /// <param name="component">The other component's supervisor.</param>
    /// <param name="options">Timeouts; this component's when null.</param>
    public ICommandService CommandServiceFor(IActorRef component, CommandServiceOptions? options = null) =>
        CommandServiceFactory.Make(component, options ?? _commandServiceOptions, System);

    /// <summary>Closes the remote command services this context made.</summary>
    internal async Task DisposeRemoteServicesAsync()
    {
        if (_remote is not { } remote)
        {
            return;
        }
        foreach (var uri in remote.Keys)
        {
            if (remote.TryRemove(uri, out var service) && service is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
