using Akka.Actor;
using Akka.Hosting;
using Csw.Cli.Common;
using Csw.Framework;
using Csw.Location;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Csw.Cli.Commands;

/// <summary><c>csw container</c>'s Generic Host: built, started, its components listed, run until Ctrl+C or SIGTERM.</summary>
internal static class ContainerHost
{
    /// <summary>The container on the Generic Host, with the console lifetime: Ctrl+C and SIGTERM stop it in order.</summary>
    public static IHost Build(ContainerConfig config, ComponentOptions options, ILoggerFactory loggerFactory)
    {
        var builder = Builder(loggerFactory);
        builder.Services.AddCswContainer(config, _ => options, QuietAkka);
        return Announce(builder.Build(), config);
    }

    /// <summary>
    /// The container as a member of the cluster: its actor system is the member's (named as every
    /// member's), and its components register in the cluster, HTTP locations under <paramref name="locations"/>' host name.
    /// </summary>
    public static IHost BuildMember(ContainerConfig config, ClusterSettings cluster, ComponentOptions options, LocationServiceOptions locations, ILoggerFactory loggerFactory)
    {
        var builder = Builder(loggerFactory);
        // The host's location service, which AddCswContainer gives the components; the host disposes it.
        builder.Services.AddSingleton(provider => LocationServiceFactory.CreateCluster(provider.GetRequiredService<ActorSystem>(), ClusterLocationOptions.Default.WithService(locations)));
        builder.Services.AddCswContainer(config, cluster, _ => options, QuietAkka);
        return Announce(builder.Build(), config);
    }

    /// <summary>The member's address, once its actor system has started.</summary>
    public static string Address(IHost app) => Akka.Cluster.Cluster.Get(app.Services.GetRequiredService<ActorSystem>()).SelfAddress.ToString();

    /// <summary>Starts the container, lists its components, and runs until the host stops; the exit code.</summary>
    public static async Task<int> RunAsync(IHost app, ContainerConfig config, Func<ILocationService> locations, Func<string> where, bool embedded, CancellationToken cancellationToken)
    {
        if (await StartAsync(app, config, where, cancellationToken) is { } failed)
        {
            return failed;
        }
        await PrintAsync(config, locations(), where(), embedded);
        // Ctrl+C or SIGTERM (the console lifetime) stops the host, which shuts the components down;
        // so does the end of its actor system (Akka.Hosting), which a downed member's is.
        await app.WaitForShutdownAsync(cancellationToken);
        if (ClusterMember.WasDowned(app.Services.GetRequiredService<ActorSystem>()))
        {
            await Console.Error.WriteLineAsync(ClusterMember.DownedMessage($"Container {config.Name}"));
            return ExitCodes.Unavailable;
        }
        return ExitCodes.Ok;
    }

    private static void QuietAkka(AkkaConfigurationBuilder akka, IServiceProvider services) =>
        akka.AddHocon(ConsoleLogging.AkkaLevel, HoconAddMode.Prepend);

    private static HostApplicationBuilder Builder(ILoggerFactory loggerFactory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        return builder;
    }

    private static IHost Announce(IHost app, ContainerConfig config)
    {
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Console.WriteLine($"Stopping container {config.Name} ..."));
        return app;
    }

    /// <summary>Starts the host; null once started, else the exit code of a start that failed (naming why) or was stopped.</summary>
    private static async Task<int?> StartAsync(IHost app, ContainerConfig config, Func<string> where, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            return null;
        }
        catch (ContainerConfigException e)
        {
            // The configuration read well, but names a handler class that cannot be found or used.
            await Console.Error.WriteLineAsync($"Container {config.Name} did not start: {e.JsonPath}: {e.Message}");
            return ExitCodes.StartFailed;
        }
        catch (LocationServiceException e)
        {
            await Console.Error.WriteLineAsync($"The location service ({where()}) is not usable: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (Exception e) when (e is Akka.Remote.RemoteTransportException || e.InnerException is Akka.Remote.RemoteTransportException)
        {
            await Console.Error.WriteLineAsync($"Cannot listen for the cluster: {e.InnerException?.Message ?? e.Message} (give another --cluster-port, or 0 for any free one).");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            // Stopped before it was up (while joining the cluster, say).
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Container {config.Name} did not start: {e.Message}");
            return ExitCodes.StartFailed;
        }
    }

    private static async Task PrintAsync(ContainerConfig config, ILocationService locations, string where, bool embedded)
    {
        var rows = new List<string[]>();
        foreach (var component in config.Components)
        {
            // Components register just after they report Running.
            var http = component.LocationServiceUsage == LocationServiceUsage.DoNotRegister
                ? null
                : await locations.ResolveAsync(Connection.Http(new Params.ComponentId(component.Prefix, component.ComponentType)), TimeSpan.FromSeconds(5));
            rows.Add([component.Prefix.ToString(), component.ComponentType.ToString(), http?.Uri.ToString() ?? "-"]);
        }
        Printer.Table(AnsiConsole.Console, ["component", "type", "command endpoint"], rows);
        if (embedded)
        {
            Console.WriteLine(LocationBackends.EmbeddedHint);
        }
        // Tests and scripts wait for this line.
        Console.WriteLine($"Container {config.Name} running {config.Components.Count} component(s); location service: {where}. Ctrl+C stops it.");
    }
}
