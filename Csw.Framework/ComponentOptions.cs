using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Location;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>How a supervisor runs its component. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record ComponentOptions
{
    private readonly int _maxQueuedCommands = 1024;

    private readonly int _maxInitializeRestarts = 3;

    /// <summary>The defaults.</summary>
    public static ComponentOptions Default { get; } = new();

    /// <summary>
    /// How many times a failed <see cref="ComponentHandlers.InitializeAsync"/> (an exception, or no
    /// end within <see cref="ComponentInfo.InitializeTimeout"/>) is tried again, each time with a
    /// fresh handlers instance, before the component shuts down; 3. Failures count in a row: a
    /// success, or a Restart asked for, starts the count afresh.
    /// </summary>
    public int MaxInitializeRestarts
    {
        get => _maxInitializeRestarts;
        init => _maxInitializeRestarts = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxInitializeRestarts), value, "Zero or more restarts.");
    }

    /// <summary>
    /// How long the component waits before it tries to initialize again: 1 s before the first
    /// retry, doubling each time up to 30 s, each wait lengthened by up to 20 % at random (so that
    /// components failing together do not retry together). Hardware that needs longer to come
    /// back wants more <see cref="MaxInitializeRestarts"/>, not a longer first wait.
    /// </summary>
    public RetryBackoff InitializeBackoff { get; init; } = RetryBackoff.Default;

    /// <summary>How long <see cref="ComponentHandlers.OnShutdownAsync"/> may take; 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A prefix that may always unlock the component; <c>CSW.admin</c>.</summary>
    public Prefix AdminPrefix { get; init; } = Prefix.Parse("CSW.admin");

    /// <summary>
    /// Where the component registers and finds its connections; null (the default) means the
    /// embedded location service shared by all components of the same actor system.
    /// </summary>
    public ILocationService? LocationService { get; init; }

    /// <summary>
    /// The least severe level the component's logger (<c>Csw.Component.&lt;prefix&gt;</c>) writes when
    /// it starts; an operator can change it while it runs (<see cref="SupervisorMessage.SetLogLevel"/>).
    /// Null (the default): whatever the logger factory's filters let through. Levels below the
    /// factory's own minimum for the category are not written, whatever this says: <c>csw container</c>
    /// lets every level of <c>Csw.Component</c> through to the component's logger, which then decides.
    /// </summary>
    public LogLevel? LogLevel { get; init; }

    /// <summary>The CommandResponseManager's settings.</summary>
    public CrmOptions Crm { get; init; } = CrmOptions.Default;

    /// <summary>The CurrentState publisher's settings.</summary>
    public PubSubOptions CurrentState { get; init; } = PubSubOptions.Default;

    /// <summary>
    /// When set, the component serves CSW's command API over HTTP/WebSocket with these settings
    /// and registers an <see cref="HttpConnection"/> for it, so that other processes can command
    /// it. Null (the default) keeps it reachable from this process only.
    /// </summary>
    public CommandEndpointOptions? HttpEndpoint { get; init; }

    /// <summary>
    /// How the component's <see cref="CswContext"/> talks to other components: timeouts, and the
    /// bearer token sent to remote endpoints that require one.
    /// </summary>
    public CommandServiceOptions Commands { get; init; } = CommandServiceOptions.Default;

    /// <summary>
    /// How many commands may wait for the handlers while they are busy; 1024 by default. A command
    /// beyond it is answered at once with <see cref="Invalid"/> and an <c>HCDBusyIssue</c> (or
    /// <c>AssemblyBusyIssue</c>) and does not run; Query, locks and lifecycle requests are answered as
    /// always.
    /// </summary>
    public int MaxQueuedCommands
    {
        get => _maxQueuedCommands;
        init => _maxQueuedCommands = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxQueuedCommands), value, "At least one command may wait.");
    }

    /// <summary>
    /// Actors subscribed to the component's CurrentState before its handlers first initialize, so
    /// that they see every state, also those published in <see cref="ComponentHandlers.InitializeAsync"/>
    /// (a subscription made after <see cref="Component.Spawn(ActorSystem, ComponentInfo, Func{CswContext, ComponentHandlers}, ComponentOptions)"/>
    /// returns may come too late for those). Each receives <see cref="CurrentState"/> messages.
    /// </summary>
    public IReadOnlyList<IActorRef> CurrentStateSubscribers { get; init; } = [];

    /// <summary>
    /// Actors subscribed to the component's lifecycle changes from its start (a container's watcher):
    /// a component whose start fails at once may have stopped before a later subscription arrives,
    /// and the subscriber would hear that it stopped, but not why.
    /// </summary>
    internal IReadOnlyList<IActorRef> LifecycleSubscribers { get; init; } = [];

    /// <summary>
    /// The longest a component with <paramref name="initializeTimeout"/> takes to be Running or to
    /// give up: every allowed attempt timing out, with the longest wait before each retry.
    /// </summary>
    /// <param name="initializeTimeout">The component's <see cref="ComponentInfo.InitializeTimeout"/>.</param>
    public TimeSpan LongestStart(TimeSpan initializeTimeout) =>
        initializeTimeout * (MaxInitializeRestarts + 1) + Enumerable.Range(1, MaxInitializeRestarts).Aggregate(TimeSpan.Zero, (sum, retry) => sum + InitializeBackoff.Longest(retry));
}
