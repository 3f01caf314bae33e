using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>
/// A container run by the .NET Generic Host (<see cref="CswServiceCollectionExtensions.AddCswContainer"/>):
/// it starts the components when the host starts and waits until all are Running (a start that
/// fails fails the host's start), and shuts them down, unregistered, when the host stops — on
/// Ctrl+C or SIGTERM with the console lifetime. Take it from the host's services to reach the
/// <see cref="Container"/>.
/// </summary>
public sealed class HostedContainer : IHostedService
{
    private readonly ContainerConfig _config;
    private readonly ComponentOptions _options;
    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private Container? _container;

    internal HostedContainer(ContainerConfig config, ComponentOptions options, ActorSystem system, ILogger log)
    {
        _config = config;
        _options = options;
        _system = system;
        _log = log;
    }

    /// <summary>The running container; null before the host started it and after it stopped.</summary>
    public Container? Container => _container;

    /// <summary>
    /// How long the start waits for every component to be Running: the longest a component may
    /// take to start or give up (<see cref="ComponentOptions.LongestStart"/>: every initialize attempt
    /// timing out, with the backoff between them), plus 10 s for registering.
    /// </summary>
    public TimeSpan StartupTimeout => _config.Components.Max(component => _options.LongestStart(component.InitializeTimeout)) + TimeSpan.FromSeconds(10);

    /// <summary>Starts the components and waits until each is Running.</summary>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <exception cref="ContainerConfigException">A handler class cannot be found or used.</exception>
    /// <exception cref="Location.LocationServiceException">The location service cannot register the container.</exception>
    /// <exception cref="TimeoutException">Some components were not Running in time.</exception>
    /// <exception cref="InvalidOperationException">A container of the same name is running already, or a component shut down instead of starting (its initialize kept failing, or it could not register); the message says which and why.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var container = await Container.StartAsync(_system, _config, _options, cancellationToken).ConfigureAwait(false);
        _container = container;
        try
        {
            await container.WaitUntilRunningAsync(StartupTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _container = null;
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _log.LogInformation("Container {Container}: all {Count} component(s) Running", _config.Name, _config.Components.Count);
    }

    /// <summary>Shuts every component down and waits until each has unregistered and stopped.</summary>
    /// <param name="cancellationToken">Ignored: a stop always runs to its end (each component has its shutdown timeout).</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _container, null) is { } container)
        {
            _log.LogInformation("Stopping container {Container}", _config.Name);
            await container.DisposeAsync().ConfigureAwait(false);
        }
    }
}
