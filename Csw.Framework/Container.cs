using System.Threading.Channels;
using Akka.Actor;
using Csw.Command;
using Csw.Framework.Internal;
using Csw.Location;
using Csw.Params;

namespace Csw.Framework;

/// <summary>
/// Several components in one process, started from a <see cref="ContainerConfig"/> (CSW's
/// container): each with its own supervisor and, when <see cref="ComponentOptions.HttpEndpoint"/>
/// is set, its own command endpoint. The container registers itself as
/// <c>Container.&lt;name&gt;</c> so that operators can list it.
/// </summary>
public sealed class Container : IAsyncDisposable
{
    private readonly ActorSystem _system;

    /// <summary>Hears every component's lifecycle changes and stop.</summary>
    private readonly IActorRef _watcher;

    private readonly Channel<ContainerEvent> _events;

    private readonly Dictionary<IActorRef, SupervisorLifecycleState> _states = [];

    /// <summary>Why a component shut down instead of starting, as it said.</summary>
    private readonly Dictionary<IActorRef, string> _reasons = [];

    private readonly HashSet<IActorRef> _stopped = [];

    private RegistrationResult? _registration;

    /// <summary>The one disposal, made by the first caller.</summary>
    private Lazy<Task>? _disposal;

    private Container(ActorSystem system, ContainerConfig config, IReadOnlyList<IActorRef> components, IActorRef watcher, Channel<ContainerEvent> events, RegistrationResult registration)
    {
        _system = system;
        Config = config;
        Components = components;
        _watcher = watcher;
        _events = events;
        _registration = registration;
    }

    /// <summary>The configuration it runs.</summary>
    public ContainerConfig Config { get; }

    /// <summary>The components' supervisors, in the configuration's order.</summary>
    public IReadOnlyList<IActorRef> Components { get; }

    /// <summary>The container's own connection in the location service.</summary>
    public PekkoConnection Connection => ConnectionFor(Config.Name);

    /// <summary>
    /// Registers the container, then starts every component of <paramref name="config"/>. All
    /// handlers classes are found, and the container registered, before any component starts: a
    /// configuration mistake, or a container of the same name already running, starts nothing.
    /// </summary>
    /// <param name="system">The actor system the components run in.</param>
    /// <param name="config">What to run.</param>
    /// <param name="options">
    /// How to run each component (location service, HTTP endpoint, ...); the defaults when null.
    /// Without a journal in <see cref="ComponentOptions.Crm"/>, the actor system's HOCON may name one:
    /// <c>csw.journal.data-dir</c> (an SQLite file named after the container) or
    /// <c>csw.journal.postgresql</c> (a connection string); see docs/Reliability.md.
    /// </param>
    /// <param name="cancellationToken">Abandons registering the container.</param>
    /// <exception cref="ContainerConfigException">A handlers class cannot be found or used.</exception>
    /// <exception cref="InvalidOperationException">A container of the same name is running already; the message says where.</exception>
    /// <exception cref="LocationServiceException">The location service cannot register the container.</exception>
    public static async Task<Container> StartAsync(ActorSystem system, ContainerConfig config, ComponentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        options = JournalSettings.Resolve(system, config.Name, options ?? ComponentOptions.Default);
        var factories = HandlerFactories.Resolve(config);
        var registration = await RegisterAsync(options.LocationService ?? CswExtension.For(system).EmbeddedLocationService, config.Name, cancellationToken).ConfigureAwait(false);
        var events = Channel.CreateUnbounded<ContainerEvent>();
        var writer = events.Writer;
        // The watcher first, subscribed to each component's lifecycle from its start: a component whose
        // start fails at once then still tells the container why before it stops.
        var watcher = system.ActorOf(Props.Create(() => new ContainerWatcher(writer)));
        var withWatcher = options with { LifecycleSubscribers = [.. options.LifecycleSubscribers, watcher] };
        var components = config.Components.Select((component, i) => Component.Spawn(system, component.ToComponentInfo(), factories[i], withWatcher)).ToList();
        watcher.Tell(new WatchComponents(components));
        var container = new Container(system, config, components, watcher, events, registration);
        // However the actor system is shut down (its CoordinatedShutdown: a host stopping, the process
        // exiting), the components shut down first, in order, and unregister.
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, $"csw-container-{CswActorSystem.SystemName(config.Name)}", async () =>
        {
            await container.DisposeAsync().ConfigureAwait(false);
            return Akka.Done.Instance;
        });
        return container;
    }

    private static async Task<RegistrationResult> RegisterAsync(ILocationService locations, string name, CancellationToken cancellationToken)
    {
        var connection = ConnectionFor(name);
        var uri = new Uri($"csw://{Environment.MachineName.ToLowerInvariant()}/container/{Uri.EscapeDataString(name)}?pid={Environment.ProcessId}");
        try
        {
            return await locations.RegisterAsync(new PekkoRegistration(connection, uri, Metadata.Empty.WithPid(Environment.ProcessId)), cancellationToken).ConfigureAwait(false);
        }
        catch (OtherLocationIsRegisteredException e)
        {
            var other = await locations.FindAsync(connection, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"Container {name} is already running: {connection.Name} is registered at {other?.Uri.ToString() ?? "another location"}.", e);
        }
    }

    private static PekkoConnection ConnectionFor(string name) => Location.Connection.Pekko(new ComponentId(new Prefix(Subsystem.Container, name), ComponentType.Container));

    /// <summary>Waits until every component is Running.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <exception cref="TimeoutException">Some are not Running in time; the message names them and their state.</exception>
    /// <exception cref="InvalidOperationException">A component shut down instead (its initialize kept failing, or it could not register); the message says why.</exception>
    public async Task WaitUntilRunningAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!AllRunning())
            {
                var change = await NextAsync(deadline.Token).ConfigureAwait(false);
                if (change is ComponentStopped or ComponentStateChanged { State: SupervisorLifecycleState.Shutdown })
                {
                    throw new InvalidOperationException(_reasons.TryGetValue(change.Component, out var reason)
                        ? $"{NameOf(change.Component)} shut down instead of starting: {reason}"
                        : $"{NameOf(change.Component)} shut down instead of starting (the log says why).");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var waiting = Components.Where(component => State(component) != SupervisorLifecycleState.Running).Select(component => $"{NameOf(component)} ({State(component)})");
            throw new TimeoutException($"Not Running after {timeout.TotalSeconds:0.###} s: {string.Join(", ", waiting)}.");
        }
    }

    /// <summary>
    /// Shuts every component down and waits until each has stopped, which is after it unregistered
    /// and closed its endpoint; then unregisters the container.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        // Every caller (the owner, the actor system's shutdown) waits for the one disposal.
        var disposal = new Lazy<Task>(DisposeCoreAsync);
        return new ValueTask((Interlocked.CompareExchange(ref _disposal, disposal, null) ?? disposal).Value);
    }

    private async Task DisposeCoreAsync()
    {
        while (_events.Reader.TryPeek(out _))
        {
            await NextAsync(CancellationToken.None).ConfigureAwait(false);
        }
        // Those already shut down (a failed start) are not asked again.
        foreach (var component in Components.Where(component => State(component) != SupervisorLifecycleState.Shutdown))
        {
            component.Tell(new SupervisorMessage.Shutdown());
        }
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            var allStopped = WaitAllStoppedAsync(deadline.Token);
            // A system that terminates meanwhile stops every actor: nothing more would be heard.
            await Task.WhenAny(allStopped, _system.WhenTerminated).ConfigureAwait(false);
            await deadline.CancelAsync().ConfigureAwait(false);
            await allStopped.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _system.Stop(_watcher);
        if (_registration is not null)
        {
            try
            {
                await _registration.UnregisterAsync().ConfigureAwait(false);
            }
            catch (LocationServiceException)
            {
                // The location service is gone as well.
            }
        }
    }

    /// <summary>Waits until every component has stopped, or the token is cancelled (whatever did not stop in time is stopped with the process).</summary>
    private async Task WaitAllStoppedAsync(CancellationToken cancellationToken)
    {
        while (_stopped.Count < Components.Count)
        {
            await NextAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"container {Config.Name} ({Components.Count} components)";

    private async Task<ContainerEvent> NextAsync(CancellationToken cancellationToken)
    {
        var next = await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        switch (next)
        {
            case ComponentStateChanged changed:
                _states[changed.Component] = changed.State;
                if (changed.Reason is { } reason)
                {
                    _reasons[changed.Component] = reason;
                }
                break;
            case ComponentStopped stopped:
                _stopped.Add(stopped.Component);
                _states[stopped.Component] = SupervisorLifecycleState.Shutdown;
                break;
        }
        return next;
    }

    private bool AllRunning() => Components.All(component => State(component) == SupervisorLifecycleState.Running);

    private SupervisorLifecycleState State(IActorRef component) => _states.GetValueOrDefault(component, SupervisorLifecycleState.Idle);

    private string NameOf(IActorRef component)
    {
        var index = Components.ToList().IndexOf(component);
        return index < 0 ? component.Path.ToString() : $"{Config.Components[index].ComponentType} {Config.Components[index].Prefix}";
    }
}
