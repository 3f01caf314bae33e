using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddAkka(CswActorSystem.SystemName(config.Name), (builder, provider) =>
        {
            // With Akka's own Ctrl+C/SIGTERM hook off (in the defaults): the host owns the process's shutdown.
            builder.AddHocon(CswActorSystem.DefaultConfig, HoconAddMode.Append);
            foreach (var (name, types, create) in Internal.CswSerializers.All)
            {
                builder.WithCustomSerializer(name, types, create);
            }
            builder.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            configureAkka?.Invoke(builder, provider);
        });
        services.AddSingleton(provider => new HostedContainer(
            config,
            options?.Invoke(provider) ?? ComponentOptions.Default,
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<HostedContainer>()));
        // After AddAkka's service: started after the actor system, stopped before it.
        services.AddHostedService(provider => provider.GetRequiredService<HostedContainer>());
        return services;
    }
}
