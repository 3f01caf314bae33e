using Akka.Actor;
using Akka.Hosting;
using Csw.Framework.Internal;
using Csw.Location;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>Hosts CswNet containers in a .NET application, on Akka.Hosting.</summary>
public static class CswServiceCollectionExtensions
{
    /// <summary>
    /// Runs the components of <paramref name="config"/> in this application: an actor system named
    /// after the container (Akka.Hosting's <c>AddAkka</c>, with Akka's logs going to the host's
    /// logging), and a <see cref="HostedContainer"/> that starts the components when the host starts
    /// and shuts them down when it stops. Handler classes may take services of the host in their
    /// constructor beside the <see cref="CswContext"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="config">What to run.</param>
    /// <param name="options">How to run each component (location service, HTTP endpoint, ...), from the host's services; the defaults when null.</param>
    /// <param name="configureAkka">More Akka.Hosting configuration (HOCON, remoting, cluster, actors of your own); none when null.</param>
    public static IServiceCollection AddCswContainer(
        this IServiceCollection services,
        ContainerConfig config,
        Func<IServiceProvider, ComponentOptions>? options = null,
        Action<AkkaConfigurationBuilder, IServiceProvider>? configureAkka = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        AddActorSystem(services, CswActorSystem.SystemName(config.Name), null, configureAkka);
        return AddContainer(services, config, provider => options?.Invoke(provider) ?? ComponentOptions.Default);
    }

    /// <summary>
    /// Runs the components of <paramref name="config"/> in this application as a member of the CSW
    /// cluster that <paramref name="cluster"/> describes (CSW's container): the actor system is named
    /// <see cref="ClusterSettings.SystemName"/>, which every member shares, and configured with
    /// <see cref="ClusterSettings.ToConfig"/> under <paramref name="configureAkka"/>'s settings. The
    /// host's start waits until this member is up in the cluster, however long that takes (it logs
    /// the seeds it is trying every 5 s; stopping the host ends the wait), then starts the components.
    /// They register, with their actor (<c>pekko</c>) connections, in the cluster's location service
    /// (unless <paramref name="options"/> names another): the host's <see cref="ILocationService"/>
    /// when it has one, else one made here whose HTTP locations carry <see cref="ClusterSettings.Hostname"/>.
    /// Other members then command them over Akka.Remote.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="config">What to run.</param>
    /// <param name="cluster">How this member joins the cluster: seeds, address, failure detector.</param>
    /// <param name="options">How to run each component (HTTP endpoint, ...), from the host's services; the defaults when null.</param>
    /// <param name="configureAkka">More Akka.Hosting configuration (HOCON, actors of your own); none when null.</param>
    public static IServiceCollection AddCswContainer(
        this IServiceCollection services,
        ContainerConfig config,
        ClusterSettings cluster,
        Func<IServiceProvider, ComponentOptions>? options = null,
        Action<AkkaConfigurationBuilder, IServiceProvider>? configureAkka = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cluster);
        AddActorSystem(services, cluster.SystemName, cluster, configureAkka);
        services.TryAddSingleton(provider => LocationServiceFactory.CreateCluster(
            provider.GetRequiredService<ActorSystem>(),
            ClusterLocationOptions.Default.WithService(LocationServiceOptions.Default.WithHostname(cluster.Hostname).WithLoggerFactory(provider.GetService<ILoggerFactory>()))));
        // After AddAkka's service, before the container's: the components start once this member is up.
        services.AddHostedService(provider => new ClusterJoin(
            provider.GetRequiredService<ActorSystem>(),
            cluster,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<ClusterJoin>()));
        return AddContainer(services, config, provider =>
        {
            var chosen = options?.Invoke(provider) ?? ComponentOptions.Default;
            return chosen.LocationService is null ? chosen with { LocationService = provider.GetRequiredService<ILocationService>() } : chosen;
        });
    }

    private static void AddActorSystem(IServiceCollection services, string name, ClusterSettings? cluster, Action<AkkaConfigurationBuilder, IServiceProvider>? configureAkka)
    {
        services.AddAkka(name, (builder, provider) =>
        {
            // With Akka's own Ctrl+C/SIGTERM hook off (in the defaults): the host owns the process's shutdown.
            builder.AddHocon(CswActorSystem.DefaultConfig, HoconAddMode.Append);
            if (cluster is not null)
            {
                builder.AddHocon(cluster.ToConfig(), HoconAddMode.Prepend);
            }
            foreach (var (serializerName, types, create) in Internal.CswSerializers.All)
            {
                builder.WithCustomSerializer(serializerName, types, create);
            }
            builder.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLogger<Internal.Logging.AkkaLogBridge>();
            });
            configureAkka?.Invoke(builder, provider);
        });
    }

    private static IServiceCollection AddContainer(IServiceCollection services, ContainerConfig config, Func<IServiceProvider, ComponentOptions> options)
    {
        services.AddSingleton(provider => new HostedContainer(
            config,
            options(provider),
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<HostedContainer>()));
        // After AddAkka's service: started after the actor system, stopped before it.
        services.AddHostedService(provider => provider.GetRequiredService<HostedContainer>());
        return services;
    }
}
