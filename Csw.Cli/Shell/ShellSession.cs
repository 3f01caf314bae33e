using Akka.Actor;
using Csw.Cli.Common;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Cli.Shell;

/// <summary>
/// What a shell session holds between submissions: its location service, the components it
/// started itself, the command services it made, the watches running in the background, and
/// the Ctrl+C that stops the running submission.
/// </summary>
internal sealed class ShellSession : IAsyncDisposable
{
    private readonly string? _token;

    private readonly List<Container> _containers = [];

    /// <summary>Remote command services hold connections, closed when the session ends.</summary>
    private readonly List<IAsyncDisposable> _services = [];

    /// <summary>The watches still running; guarded by itself (they end on other threads).</summary>
    private readonly List<ShellWatch> _watches = [];

    /// <summary>What each command service made here reaches, for printing it.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ICommandService, string> _described = [];

    private ActorSystem? _system;

    /// <summary>This process as a member of the cluster, when the shell joined it; its system is <see cref="_system"/>.</summary>
    private readonly ClusterMember? _member;

    /// <summary>Replaced (under <see cref="_watches"/>' lock) before each submission once cancelled.</summary>
    private CancellationTokenSource _cancellation = new();

    public ShellSession(Uri? locationServer, string? token, ShellOutput output)
    {
        _token = token;
        Output = output;
        IsRemote = locationServer is not null;
        Locations = locationServer is null
            ? LocationServiceFactory.CreateEmbedded()
            : LocationServiceFactory.CreateHttpClient(locationServer, LocationClientOptions.Default.WithToken(token));
        Where = locationServer is null ? "embedded location service (components started in this shell)" : $"location server at {locationServer}";
    }

    /// <summary>A session in the cluster: the member's location service, its actor system for the components the shell starts and for commanding others over Akka.Remote.</summary>
    public ShellSession(ClusterMember member, string? token, ShellOutput output)
    {
        _token = token;
        _member = member;
        _system = member.System;
        Output = output;
        IsRemote = true;
        Locations = member.Locations(member.Settings.Hostname, null);
        Where = LocationBackends.DescribeCluster(member.Address, member.Settings);
        // Downed by the others (it was frozen or cut off), the shell has no cluster any more: it says
        // so once, above the prompt; the operator decides when to leave (its variables stay until then).
        var address = member.Address;
        ClusterEnded = member.System.WhenTerminated.ContinueWith(
            _ =>
            {
                if (ClusterMember.WasDowned(member.System))
                {
                    output.WriteLine(ClusterMember.DownedMessage($"This shell ({address})") + " Until then nothing here reaches the cluster: commands and watches fail.");
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    public ILocationService Locations { get; }

    /// <summary>Completes once the shell's member has ended and, if it was downed, the shell has said so; never without a cluster.</summary>
    internal Task ClusterEnded { get; } = new TaskCompletionSource().Task;

    /// <summary>The member's actor system when the shell joined the cluster, else null.</summary>
    public ActorSystem? ClusterSystem => _member?.System;

    /// <summary>True with a location server: what the shell starts must be reachable over HTTP.</summary>
    public bool IsRemote { get; }

    public string Where { get; }

    public ShellOutput Output { get; }

    /// <summary>Cancelled by Ctrl+C during a submission; fresh for the next one.</summary>
    public CancellationToken Cancellation
    {
        get
        {
            lock (_watches)
            {
                return _cancellation.Token;
            }
        }
    }

    /// <summary>Ctrl+C: stops the running submission and every watch. Returns at once.</summary>
    public void Interrupt()
    {
        CancellationTokenSource submission;
        ShellWatch[] watches;
        lock (_watches)
        {
            submission = _cancellation;
            watches = [.. _watches];
        }
        // Each on a thread of its own, never the signal handler's nor under the lock: cancelling
        // runs continuations inline, and the loop's continuation goes on to wait for the next line.
        foreach (var watch in watches)
        {
            ThreadPool.QueueUserWorkItem(w => w.Stop(), watch, preferLocal: false);
        }
        ThreadPool.QueueUserWorkItem(s => s.Cancel(), submission, preferLocal: false);
    }

    /// <summary>Called before each submission: a Ctrl+C from before does not cancel it.</summary>
    public void Rearm()
    {
        lock (_watches)
        {
            if (_cancellation.IsCancellationRequested)
            {
                // Not disposed: a submission abandoned by Ctrl+C may still hold its token.
                _cancellation = new CancellationTokenSource();
            }
        }
    }

    /// <summary>Starts a background watch that prints what <paramref name="watch"/> reports until stopped.</summary>
    public ShellWatch Watch(string what, Func<Action<string>, CancellationToken, Task> watch)
    {
        var started = new ShellWatch(what, Output, watch);
        lock (_watches)
        {
            _watches.RemoveAll(w => !w.IsRunning);
            _watches.Add(started);
        }
        return started;
    }

    /// <summary>A component of this process directly; in the cluster, one elsewhere over Akka.Remote; else through its HTTP endpoint.</summary>
    public async Task<ICommandService> CommandServiceAsync(Prefix prefix, ComponentType type)
    {
        var id = new ComponentId(prefix, type);
        var options = CommandServiceOptions.Default with { Token = _token };
        var cancellation = Cancellation;
        if (_system is not null && await Locations.FindAsync(Connection.Pekko(id), cancellation) is PekkoLocation actor && ActorUri.TryResolve(actor.Uri, _system, out var supervisor) && (_member is not null || ActorUri.IsLocal(supervisor)))
        {
            return Described(CommandServiceFactory.Make(supervisor, options, _system), ActorUri.IsLocal(supervisor) ? $"{id}, in this process" : $"{id} at {actor.Uri}, over Akka.Remote");
        }
        // Components in this process register before StartSamples returns; elsewhere one may still be starting.
        var http = IsRemote
            ? await Locations.ResolveAsync(Connection.Http(id), TimeSpan.FromSeconds(5), cancellation)
            : await Locations.FindAsync(Connection.Http(id), cancellation);
        if (http is null)
        {
            throw new InvalidOperationException(await NotFoundAsync(prefix, type, cancellation));
        }
        var service = Described(CommandServiceFactory.Make(http, options), $"{id} at {http.Uri}");
        if (service is IAsyncDisposable disposable)
        {
            lock (_services)
            {
                _services.Add(disposable);
            }
        }
        return service;
    }

    /// <summary>
    /// The admin service of the HCD or Assembly with <paramref name="prefix"/> (of <paramref name="type"/>
    /// when given): directly when it runs in this process, else through its endpoint's admin route.
    /// </summary>
    public async Task<IAdminService> AdminServiceAsync(Prefix prefix, ComponentType? type)
    {
        var options = CommandServiceOptions.Default with { Token = _token };
        var cancellation = Cancellation;
        foreach (var id in (type is { } known ? [known] : new[] { ComponentType.HCD, ComponentType.Assembly }).Select(t => new ComponentId(prefix, t)))
        {
            // In this process, or anywhere in the cluster over Akka.Remote.
            if (_system is not null && await Locations.FindAsync(Connection.Pekko(id), cancellation) is PekkoLocation actor && ActorUri.TryResolve(actor.Uri, _system, out var supervisor) && (_member is not null || ActorUri.IsLocal(supervisor)))
            {
                return AdminServiceFactory.Make(supervisor, options, _system);
            }
            if (await Locations.FindAsync(Connection.Http(id), cancellation) is { } http)
            {
                var admin = AdminServiceFactory.Make(http, options);
                lock (_services)
                {
                    _services.Add((IAsyncDisposable)admin);
                }
                return admin;
            }
        }
        throw new InvalidOperationException(await NotFoundAsync(prefix, type ?? ComponentType.HCD, cancellation));
    }

    /// <summary>How to print <paramref name="value"/> when the session knows better than its type does, else null.</summary>
    public string? Describe(object value) =>
        value is ICommandService service && _described.TryGetValue(service, out var what) ? $"(command service of {what})" : null;

    /// <summary>Starts a container in this process, registered in the shell's location service.</summary>
    public async Task<Container> StartContainerAsync(ContainerConfig config)
    {
        if (_containers.FirstOrDefault(c => c.Config.Name == config.Name) is { } running)
        {
            return running;
        }
        _system ??= CswActorSystem.Create("shell", NullLoggerFactory.Instance);
        var options = new ComponentOptions
        {
            LocationService = Locations,
            // Registered with a location server, others must be able to reach them.
            HttpEndpoint = IsRemote ? CommandEndpointOptions.Default.WithToken(_token) : null,
            Commands = CommandServiceOptions.Default with { Token = _token },
        };
        var container = await Container.StartAsync(_system, config, options, Cancellation);
        _containers.Add(container);
        await container.WaitUntilRunningAsync(TimeSpan.FromSeconds(30), Cancellation);
        await WaitUntilRegisteredAsync(config, TimeSpan.FromSeconds(10));
        return container;
    }

    /// <summary>
    /// Components register only once Running, in the background: wait for their locations, so
    /// that <c>Hcd(...)</c> on the next line, or another process, finds them.
    /// </summary>
    private async Task WaitUntilRegisteredAsync(ContainerConfig config, TimeSpan within)
    {
        var connections = config.Components
            .Where(c => c.LocationServiceUsage != LocationServiceUsage.DoNotRegister)
            .Select(c => new ComponentId(c.Prefix, c.ComponentType))
            .SelectMany(id => IsRemote ? new Connection[] { Connection.Pekko(id), Connection.Http(id) } : [Connection.Pekko(id)]);
        var missing = new List<string>();
        foreach (var connection in connections)
        {
            if (await Locations.ResolveAsync(connection, within, Cancellation) is null)
            {
                missing.Add(connection.Name);
            }
        }
        if (missing.Count > 0)
        {
            throw new TimeoutException($"Running, but not registered within {within.TotalSeconds:0} s ({Where}): {string.Join(", ", missing)}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        ShellWatch[] watches;
        lock (_watches)
        {
            watches = [.. _watches];
        }
        foreach (var watch in watches)
        {
            await watch.DisposeAsync();
        }
        IAsyncDisposable[] services;
        lock (_services)
        {
            services = [.. _services];
        }
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
        // The location service before the actor system it may run on.
        if (Locations is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        if (_member is not null)
        {
            await _member.DisposeAsync();
        }
        else if (_system is not null)
        {
            await _system.Terminate();
        }
    }

    private ICommandService Described(ICommandService service, string what)
    {
        _described.AddOrUpdate(service, what);
        return service;
    }

    /// <summary>Why a component was not found, and what to try instead.</summary>
    private async Task<string> NotFoundAsync(Prefix prefix, ComponentType type, CancellationToken cancellationToken)
    {
        var others = (await Locations.ListByPrefixAsync(prefix.ToString(), cancellationToken))
            .Select(l => l.Connection.ComponentId)
            .Where(c => c.Prefix == prefix && c.ComponentType != type)
            .Select(c => c.ComponentType)
            .Distinct()
            .ToList();
        if (others.Count > 0)
        {
            var helper = others.Contains(ComponentType.HCD) ? "Hcd" : others.Contains(ComponentType.Assembly) ? "Assembly" : null;
            return $"{prefix} is registered as {string.Join(" and ", others)}, not {type}" + (helper is null ? "." : $": try {helper}(\"{prefix}\").");
        }
        var hint = IsRemote ? "" : ", or StartSamples() to run the samples here";
        return $"No {type} {prefix} is registered ({Where}). Try Locations(){hint}.";
    }
}
