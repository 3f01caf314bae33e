using Akka.Actor;
using Akka.DependencyInjection;
using Akka.Hosting.Logging;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// What CswNet keeps per actor system: the logger factory handlers log to, the services handlers
/// may take in their constructor, and the embedded location service the system's components share
/// by default (so that separate systems, e.g. parallel tests, do not see each other).
/// </summary>
internal sealed class CswExtension : IExtension
{
    private readonly Lazy<ILocationService> _embedded;

    public CswExtension(ExtendedActorSystem system)
    {
        // Hosted systems (Akka.Hosting) carry the host's logger factory; elsewhere handlers log through Akka.
        LoggerFactory = system.Settings.Setup.Get<LoggerFactorySetup>().HasValue
            ? system.Settings.Setup.Get<LoggerFactorySetup>().Value.LoggerFactory
            : new AkkaLoggerFactory(system);
        // Akka.Hosting hands the host's services to the system through a dependency resolver.
        Services = system.Settings.Setup.Get<DependencyResolverSetup>() is { HasValue: true } setup && setup.Value.DependencyResolver is ServiceProviderDependencyResolver resolver
            ? resolver.ServiceProvider
            : null;
        _embedded = new Lazy<ILocationService>(() => LocationServiceFactory.CreateEmbedded(LoggerFactory));
        // Akka.NET (1.5) starts a system's scheduler on its first use: it queues the scheduler's loop on
        // the thread pool and blocks the caller until the loop runs. Every supervisor schedules its
        // initialize timeout in PreStart, so thousands of components starting at once in a new system
        // could all block pool threads waiting for a loop queued behind them, until the pool had grown
        // enough (20-60 s for 10,000 components, against 1 s). Started here, before the first
        // component (Component.Spawn makes this extension first), nothing waits for it.
        system.Scheduler.Advanced.ScheduleOnce(TimeSpan.Zero, static () => { });
    }

    /// <summary>Where handlers and the framework log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The host's services, when the system was made with them (Akka.Hosting); null otherwise.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>The system's embedded location service, made on first use.</summary>
    public ILocationService EmbeddedLocationService => _embedded.Value;

    public static CswExtension For(ActorSystem system) => system.WithExtension<CswExtension, CswExtensionId>();
}

/// <summary>Makes the <see cref="CswExtension"/> of a system, once.</summary>
internal sealed class CswExtensionId : ExtensionIdProvider<CswExtension>
{
    public override CswExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
