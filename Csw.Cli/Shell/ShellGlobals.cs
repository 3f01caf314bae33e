using Csw.Cli.Common;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Examples;
using Spectre.Console;

namespace Csw.Cli.Shell;

/// <summary>
/// What a <c>csw shell</c> session can call without qualification, in the spirit of TMT's
/// esw-shell: find components, build commands and parameters, look at locations, and watch
/// locations and CurrentState as they change. Public because scripts compile against it.
/// </summary>
public sealed class ShellGlobals
{
    private readonly ShellSession _session;

    internal ShellGlobals(ShellSession session) => _session = session;

    /// <summary>The location service the shell uses (embedded, or a location server's client with --location).</summary>
    public ILocationService LocationService => _session.Locations;

    /// <summary>The prefix commands built here come from; assign it to change it (<c>Source = Prefix.Parse("WFOS.ops")</c>).</summary>
    public Prefix Source { get; set; } = Prefix.Parse("CSW.shell");

    /// <summary>Cancelled by Ctrl+C: pass it to long waits of your own so that Ctrl+C ends them.</summary>
    public CancellationToken Cancellation => _session.Cancellation;

    /// <summary>The command service of the HCD with this prefix, e.g. <c>await Hcd("WFOS.blue.filter")</c>.</summary>
    public Task<ICommandService> Hcd(string prefix) => _session.CommandServiceAsync(Prefix.Parse(prefix), ComponentType.HCD);

    /// <summary>The command service of the Assembly with this prefix, e.g. <c>await Assembly("WFOS.filter.assembly")</c>.</summary>
    public Task<ICommandService> Assembly(string prefix) => _session.CommandServiceAsync(Prefix.Parse(prefix), ComponentType.Assembly);

    /// <summary>The admin service of the HCD or Assembly with this prefix: <c>var admin = await Admin("WFOS.blue.filter")</c>.</summary>
    public Task<IAdminService> Admin(string prefix) => _session.AdminServiceAsync(Prefix.Parse(prefix), null);

    /// <summary>Locks a component for <see cref="Source"/> (commands from other prefixes get Locked): <c>await Lock("WFOS.blue.filter", 300)</c>.</summary>
    /// <param name="prefix">The component.</param>
    /// <param name="leaseSeconds">How long the lock lasts unless renewed by locking again.</param>
    public async Task<LockingResponse> Lock(string prefix, double leaseSeconds = 300) =>
        await (await Admin(prefix)).LockAsync(Source, TimeSpan.FromSeconds(leaseSeconds), Cancellation);

    /// <summary>Releases the lock <see cref="Source"/> holds.</summary>
    public async Task<LockingResponse> Unlock(string prefix) => await (await Admin(prefix)).UnlockAsync(Source, Cancellation);

    /// <summary>Takes a component online; the lifecycle state after it.</summary>
    public async Task<SupervisorLifecycleState> GoOnline(string prefix) => await (await Admin(prefix)).GoOnlineAsync(Cancellation);

    /// <summary>Takes a component offline; the lifecycle state after it.</summary>
    public async Task<SupervisorLifecycleState> GoOffline(string prefix) => await (await Admin(prefix)).GoOfflineAsync(Cancellation);

    /// <summary>Restarts a component and waits until it is Running again.</summary>
    public async Task<SupervisorLifecycleState> Restart(string prefix) => await (await Admin(prefix)).RestartAsync(cancellationToken: Cancellation);

    /// <summary>Shuts a component down.</summary>
    public async Task<SupervisorLifecycleState> Shutdown(string prefix) => await (await Admin(prefix)).ShutdownAsync(cancellationToken: Cancellation);

    /// <summary>A component's log level, or, with <paramref name="level"/> (trace, debug, info, warn, error, fatal, off), changes it.</summary>
    public async Task<ComponentLogLevel> LogLevel(string prefix, string? level = null)
    {
        var admin = await Admin(prefix);
        return level is null ? await admin.GetLogLevelAsync(Cancellation) : await admin.SetLogLevelAsync(LogLevels.Parse(level), Cancellation);
    }

    /// <summary>A component's lifecycle state.</summary>
    public async Task<SupervisorLifecycleState> Status(string prefix) => await (await Admin(prefix)).GetLifecycleStateAsync(Cancellation);

    /// <summary>A Setup from <see cref="Source"/>: <c>Setup("move", Int("target", 3))</c>.</summary>
    public Setup Setup(string commandName, params Parameter[] parameters) => new Setup(Source, commandName).Add(parameters);

    /// <summary>An Observe from <see cref="Source"/>: <c>Observe("expose", Double("time", 30))</c>.</summary>
    public Observe Observe(string commandName, params Parameter[] parameters) => new Observe(Source, commandName).Add(parameters);

    /// <summary>An int parameter: <c>Int("target", 3)</c>.</summary>
    public Parameter<int> Int(string key, params int[] values) => Keys.Int(key).Set(values);

    /// <summary>A long parameter.</summary>
    public Parameter<long> Long(string key, params long[] values) => Keys.Long(key).Set(values);

    /// <summary>A float parameter.</summary>
    public Parameter<float> Float(string key, params float[] values) => Keys.Float(key).Set(values);

    /// <summary>A double parameter: <c>Double("offsets", 1.5, -2)</c>.</summary>
    public Parameter<double> Double(string key, params double[] values) => Keys.Double(key).Set(values);

    /// <summary>A boolean parameter.</summary>
    public Parameter<bool> Bool(string key, params bool[] values) => Keys.Boolean(key).Set(values);

    /// <summary>A string parameter.</summary>
    public Parameter<string> String(string key, params string[] values) => Keys.String(key).Set(values);

    /// <summary>Prints every registered location as a table.</summary>
    public async Task Locations() => Printer.Locations(AnsiConsole.Console, await _session.Locations.ListAsync(Cancellation));

    /// <summary>
    /// Prints every change of a component's location in the background, until Ctrl+C or
    /// <c>Dispose()</c>. Without a component or connection type, the ones registered are used.
    /// </summary>
    /// <param name="prefix">The component, e.g. <c>WFOS.blue.filter</c>.</param>
    /// <param name="componentType">hcd, assembly, container, ...</param>
    /// <param name="connectionType">http or pekko.</param>
    public ShellWatch Track(string prefix, string? componentType = null, string? connectionType = null)
    {
        var parsed = Prefix.Parse(prefix);
        var type = componentType is null ? (ComponentType?)null : ShellParsing.ComponentType(componentType);
        var kind = connectionType is null ? (ConnectionType?)null : ShellParsing.ConnectionType(connectionType);
        return _session.Watch($"locations of {parsed}", async (print, token) =>
        {
            var connection = await ConnectionToTrackAsync(parsed, type, kind, token);
            _session.Output.WriteLine($"Tracking {connection.Name}; Ctrl+C stops.");
            await foreach (var change in _session.Locations.Track(connection, token))
            {
                print(Printer.Event(change));
            }
        });
    }

    /// <summary>
    /// Prints a component's CurrentState in the background as it arrives, until Ctrl+C or
    /// <c>Dispose()</c>: <c>var w = Subscribe(hcd, "position");</c>, or <c>await Subscribe(hcd)</c> to watch until Ctrl+C.
    /// </summary>
    /// <param name="component">From <see cref="Hcd"/> or <see cref="Assembly"/>.</param>
    /// <param name="names">Only these states; all when none.</param>
    public ShellWatch Subscribe(ICommandService component, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(component);
        var what = names.Length == 0 ? "CurrentState" : $"CurrentState {string.Join(", ", names)}";
        var warnAfter = UnseenStateWarning;
        return _session.Watch(what, async (print, token) =>
        {
            var unseen = new UnseenStateNames(names);
            // Not awaited: it warns in the background, and ends by itself or with the watch.
            _ = names.Length == 0 ? Task.CompletedTask : unseen.WatchAsync(onState => component.SubscribeCurrentState(onState), warnAfter, TimeProvider.System, _session.Output.WriteLine, token);
            await foreach (var state in component.SubscribeCurrentState(names.Length == 0 ? null : names.Select(n => new StateName(n)), token))
            {
                unseen.Saw(state.StateName);
                print(Printer.State(state));
            }
        });
    }

    /// <summary>
    /// Prints the CurrentStates and lifecycle changes of every component of a subsystem or below a
    /// prefix, cluster-wide, in the background as they arrive, until Ctrl+C or <c>Dispose()</c>, as
    /// <c>csw watch</c> does. Needs the cluster: start the shell with <c>--cluster-seeds</c>.
    /// </summary>
    /// <param name="filter">A subsystem (<c>WFOS</c>) or a prefix (<c>WFOS.blue</c>); every component when null.</param>
    /// <exception cref="InvalidOperationException">The shell is not a member of the cluster.</exception>
    public ShellWatch Watch(string? filter = null)
    {
        var system = _session.ClusterSystem ?? throw new InvalidOperationException("Watch needs the cluster: start csw shell with --cluster-seeds (or $CLUSTER_SEEDS).");
        // Checked here, so that a misspelt subsystem fails at the prompt rather than in the background.
        _ = ComponentObserver.ObserveAsync(system, filter);
        return _session.Watch(string.IsNullOrWhiteSpace(filter) ? "every component" : filter, async (print, token) =>
        {
            await foreach (var change in ComponentObserver.ObserveAsync(system, filter, token))
            {
                print(Printer.ComponentEvent(change));
            }
        });
    }

    /// <summary>
    /// How long <see cref="Subscribe"/> waits for each named state before warning that none has
    /// arrived (a misspelt name prints nothing otherwise); 5 s by default,
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no warning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, other than infinite.</exception>
    public TimeSpan UnseenStateWarning
    {
        get;
        set => field = value >= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A delay is zero or more, or infinite.");
    } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Starts the sample container (two filter wheel HCDs, WFOS.blue.filter and WFOS.red.filter,
    /// and the assembly WFOS.filter.assembly) in the shell's own process, registered in the
    /// shell's location service (with command endpoints when it is a location server), and waits
    /// until they are Running. A second call finds them running.
    /// </summary>
    public async Task StartSamples()
    {
        var container = await _session.StartContainerAsync(SampleSystem.ContainerConfig);
        _session.Output.WriteLine($"Started {container.Config.Name}: {string.Join(", ", container.Config.Components.Select(c => $"{c.Prefix} ({c.ComponentType})"))}.");
    }

    /// <summary>Prints a value as the shell does after each submission.</summary>
    public void Print(object? value) => _session.Output.WriteLine(ShellPrinter.Format(value));

    /// <summary>The registered connection to track, preferring HTTP (reachable from anywhere); else one to wait for.</summary>
    private async Task<Connection> ConnectionToTrackAsync(Prefix prefix, ComponentType? type, ConnectionType? kind, CancellationToken cancellationToken)
    {
        var registered = (await _session.Locations.ListByPrefixAsync(prefix.ToString(), cancellationToken))
            .Select(l => l.Connection)
            .Where(c => c.Prefix == prefix && (type is null || c.ComponentId.ComponentType == type) && (kind is null || c.ConnectionType == kind))
            .OrderBy(c => c.ConnectionType == ConnectionType.Http ? 0 : 1)
            .FirstOrDefault();
        return registered ?? Connection.From(
            new ComponentId(prefix, type ?? ComponentType.HCD),
            kind ?? (_session.IsRemote ? ConnectionType.Http : ConnectionType.Pekko));
    }
}
