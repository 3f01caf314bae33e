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

    private readonly HashSet<IActorRef> _stopped = [];

    private RegistrationResult? _registration;

    private int _disposed;

    private Container(ActorSystem system, ContainerConfig config, IReadOnlyList<IActorRef> components, IActorRef watcher, Channel<ContainerEvent> events)
    {
        _system = system;
        Config = config;
        Components = components;
        _watcher = watcher;
        _events = events;
    }

    /// <summary>The configuration it runs.</summary>
    public ContainerConfig Config { get; }

    /// <summary>The components' supervisors, in the configuration's order.</summary>
    public IReadOnlyList<IActorRef> Components { get; }

    /// <summary>The container's own connection in the location service.</summary>
    public PekkoConnection Connection => Location.Connection.Pekko(new ComponentId(new Prefix(Subsystem.Container, Config.Name), ComponentType.Container));

    /// <summary>
    /// Starts every component of <paramref name="config"/>. All handlers classes are found before
    /// any component starts, so a configuration mistake starts nothing.
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
    public static async Task<Container> StartAsync(ActorSystem system, ContainerConfig config, ComponentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        options = JournalSettings.Resolve(system, config.Name, options ?? ComponentOptions.Default);
        var factories = HandlerFactories.Resolve(config);
        var events = Channel.CreateUnbounded<ContainerEvent>();
        var components = config.Components.Select((component, i) => Component.Spawn(system, component.ToComponentInfo(), factories[i], options)).ToList();
        var writer = events.Writer;
        var watcher = system.ActorOf(Props.Create(() => new ContainerWatcher(components, writer)));
        var container = new Container(system, config, components, watcher, events);
        var locations = options.LocationService ?? CswExtension.For(system).EmbeddedLocationService;
        var uri = new Uri($"csw://{Environment.MachineName.ToLowerInvariant()}/container/{Uri.EscapeDataString(config.Name)}?pid={Environment.ProcessId}");
        container._registration = await locations.RegisterAsync(new PekkoRegistration(container.Connection, uri, Metadata.Empty.WithPid(Environment.ProcessId)), cancellationToken).ConfigureAwait(false);
        return container;
    }

    /// <summary>Waits until every component is Running.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <exception cref="TimeoutException">Some are not Running in time; the message names them and their state.</exception>
    /// <exception cref="InvalidOperationException">A component shut down (its initialize kept failing).</exception>
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
                    throw new InvalidOperationException($"{NameOf(change.Component)} shut down instead of starting (see the log for its initialize failures).");
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
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var component in Components)
        {
            component.Tell(new SupervisorMessage.Shutdown());
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (_stopped.Count < Components.Count)
            {
                await NextAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Whatever did not stop in time is stopped with the process.
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

    /// <inheritdoc/>
    public override string ToString() => $"container {Config.Name} ({Components.Count} components)";

    private async Task<ContainerEvent> NextAsync(CancellationToken cancellationToken)
    {
        var next = await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        switch (next)
        {
            case ComponentStateChanged changed:
                _states[changed.Component] = changed.State;
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
