using Csw.Actors;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Cli.Shell;

/// <summary>
/// What a shell session holds between submissions: its location service, the components it
/// started itself, the command services it made, and the Ctrl+C that stops the running submission.
/// </summary>
internal sealed class ShellSession : IAsyncDisposable
{
    private readonly string? _token;

    private readonly bool _remote;

    private readonly List<Container> _containers = [];

    private ActorSystem? _system;

    private CancellationTokenSource _cancellation = new();

    public ShellSession(Uri? locationServer, string? token)
    {
        _token = token;
        _remote = locationServer is not null;
        Locations = locationServer is null
            ? LocationServiceFactory.CreateEmbedded()
            : LocationServiceFactory.CreateHttpClient(locationServer, LocationClientOptions.Default.WithToken(token));
        Where = locationServer is null ? "embedded location service (components started in this shell)" : $"location server at {locationServer}";
    }

    public ILocationService Locations { get; }

    public string Where { get; }

    /// <summary>Cancelled by Ctrl+C during a submission; fresh for the next one.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Ctrl+C: stops what the current submission is waiting for.</summary>
    public void Interrupt() => _cancellation.Cancel();

    /// <summary>Called before each submission: a Ctrl+C from before does not cancel it.</summary>
    public void Rearm()
    {
        if (_cancellation.IsCancellationRequested)
        {
            _cancellation.Dispose();
            _cancellation = new CancellationTokenSource();
        }
    }

    /// <summary>A component of this process directly; one elsewhere through its HTTP endpoint.</summary>
    public async Task<ICommandService> CommandServiceAsync(Prefix prefix, ComponentType type)
    {
        var id = new ComponentId(prefix, type);
        var options = CommandServiceOptions.Default with { Token = _token };
        if (await Locations.FindAsync(Connection.Pekko(id), Cancellation) is PekkoLocation local && LocalActorUri.TryResolve<ComponentMessage>(local.Uri, out _))
        {
            return CommandServiceFactory.Make(local, options);
        }
        var http = await Locations.ResolveAsync(Connection.Http(id), TimeSpan.FromSeconds(5), Cancellation)
            ?? throw new InvalidOperationException($"No {type} {prefix} is registered ({Where}). Try Locations(){(_remote ? "" : ", or StartSamples() to run the samples here")}.");
        return CommandServiceFactory.Make(http, options);
    }

    /// <summary>Starts a container in this process, registered in the shell's location service.</summary>
    public async Task<Container> StartContainerAsync(ContainerConfig config)
    {
        _system ??= ActorSystem.Create("shell", new ActorSystemOptions { LoggerFactory = NullLoggerFactory.Instance });
        var options = new ComponentOptions
        {
            LocationService = Locations,
            // Registered with a location server, others must be able to reach them.
            HttpEndpoint = _remote ? CommandEndpointOptions.Default.WithToken(_token) : null,
            Commands = CommandServiceOptions.Default with { Token = _token },
        };
        var container = await Container.StartAsync(_system, config, options, Cancellation);
        _containers.Add(container);
        await container.WaitUntilRunningAsync(TimeSpan.FromSeconds(30), Cancellation);
        return container;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
        if (Locations is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        _cancellation.Dispose();
    }
}
