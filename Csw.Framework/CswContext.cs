using Csw.Actors;
using Csw.Command;
using Csw.Crm;
using Csw.Location;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>
/// What a component's handlers get from the framework: who they are, where to publish state, the
/// CommandResponseManager for long-running commands, a logger, timers, and command services for
/// other components. All members are safe to use from any thread.
/// </summary>
public sealed class CswContext
{
    internal CswContext(
        ComponentInfo info,
        ActorRef<ComponentMessage> self,
        CurrentStatePublisher currentStatePublisher,
        CommandResponseManager commandResponseManager,
        ILoggerFactory loggerFactory,
        ComponentTimers timers,
        ILocationService locationService)
    {
        LocationService = locationService;
        ComponentInfo = info;
        Self = self;
        CurrentStatePublisher = currentStatePublisher;
        CommandResponseManager = commandResponseManager;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger($"Csw.Component.{info.Prefix}");
        Timers = timers;
    }

    /// <summary>The component's prefix, type and settings.</summary>
    public ComponentInfo ComponentInfo { get; }

    /// <summary>The component's own supervisor, e.g. to hand out as an address.</summary>
    public ActorRef<ComponentMessage> Self { get; }

    /// <summary>Publishes the component's CurrentState.</summary>
    public CurrentStatePublisher CurrentStatePublisher { get; }

    /// <summary>Where long-running commands report their final response (<see cref="CommandResponseManager.UpdateCommand"/>).</summary>
    public CommandResponseManager CommandResponseManager { get; }

    /// <summary>A logger named after the component's prefix.</summary>
    public ILogger Logger { get; }

    /// <summary>For loggers of the handlers' own helpers.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Timers cancelled when the component shuts down or restarts.</summary>
    public ComponentTimers Timers { get; }

    /// <summary>Where components register and find each other.</summary>
    public ILocationService LocationService { get; }

    /// <summary>
    /// A command service for another component, found through the location service (waiting up to
    /// <paramref name="within"/> for it to register).
    /// </summary>
    /// <param name="component">The other component.</param>
    /// <param name="within">How long to wait for it; 5 s when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">The component is not registered in time, or not reachable from this process.</exception>
    public async Task<ICommandService> CommandServiceForAsync(ComponentId component, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(component);
        var wait = within ?? TimeSpan.FromSeconds(5);
        var location = await LocationService.ResolveAsync(Connection.Pekko(component), wait, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{component.ComponentType} {component.Prefix} did not register within {wait.TotalSeconds:0.###} s.");
        return LocalActorUri.TryResolve<ComponentMessage>(location.Uri, out var supervisor)
            ? CommandServiceFactory.Make(supervisor, DefaultCommandServiceOptions)
            : throw new InvalidOperationException($"{component.ComponentType} {component.Prefix} is registered at {location.Uri}, which is not a component of this process (remote components need the HTTP client).");
    }

    /// <summary>A command service for a component running in this process.</summary>
    /// <param name="component">The other component's supervisor.</param>
    /// <param name="options">Timeouts; the defaults when null.</param>
    public ICommandService CommandServiceFor(ActorRef<ComponentMessage> component, CommandServiceOptions? options = null) =>
        CommandServiceFactory.Make(component, options ?? DefaultCommandServiceOptions);

    private CommandServiceOptions DefaultCommandServiceOptions => CommandServiceOptions.Default with { LoggerFactory = LoggerFactory };
}
