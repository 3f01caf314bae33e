using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Serialization;
using Akka.Hosting.Logging;
using Csw.Command;
using Microsoft.Extensions.Logging;

namespace Csw.Framework;

/// <summary>
/// Makes actor systems for components outside a Generic Host (with a host, use
/// <c>services.AddCswContainer</c>): Akka's logging goes to the given
/// <see cref="ILoggerFactory"/>, as do the handlers' loggers, and CswNet's messages cross
/// Akka.Remote through <see cref="CswSerialization"/>. Any plain Akka.NET
/// <see cref="ActorSystem"/> also runs components; its handlers then log through Akka.
/// </summary>
public static class CswActorSystem
{
    /// <summary>The settings CswNet starts from; yours go over them.</summary>
    public static Config DefaultConfig { get; } = ConfigurationFactory.ParseString("""
        akka.loglevel = INFO
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters-during-shutdown = off
        akka.actor.ask-timeout = 10s
        akka.cluster.pub-sub.send-to-dead-letters-when-no-subscribers = off
        # Akka's hook shuts the system down on Ctrl+C even when the program cancels it (csw shell
        # does: Ctrl+C stops a submission, not the components); CswNet's programs and the Generic
        # Host stop the system themselves, in order.
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        # A container's components shut down in this phase (each within its ShutdownTimeout, 10 s by default).
        akka.coordinated-shutdown.phases.before-service-unbind.timeout = 20s
        """);

    /// <summary>Creates an actor system.</summary>
    /// <param name="name">Its name; characters other than letters, digits and '-' become '-' (see <see cref="SystemName"/>).</param>
    /// <param name="loggerFactory">Where Akka and the handlers log; Akka's own standard-output logger when null.</param>
    /// <param name="config">Settings over <see cref="DefaultConfig"/> (HOCON), e.g. remoting or cluster; none when null.</param>
    public static ActorSystem Create(string name, ILoggerFactory? loggerFactory = null, Config? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var settings = (config ?? Config.Empty).WithFallback(DefaultConfig);
        if (loggerFactory is not null)
        {
            settings = ConfigurationFactory.ParseString($"akka.loggers = [\"{typeof(Internal.Logging.AkkaLogBridge).AssemblyQualifiedName}\"]").WithFallback(settings);
        }
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(settings), SerializationSetup());
        return ActorSystem.Create(SystemName(name), loggerFactory is null ? setup : setup.And(new LoggerFactorySetup(loggerFactory)));
    }

    /// <summary>
    /// Registers CswNet's serializers in an actor system made by other means: add it to its
    /// <c>ActorSystemSetup</c>. Component messages, responses, states and observers' events then
    /// cross Akka.Remote as CSW's JSON. Every member of a cluster needs it.
    /// </summary>
    public static SerializationSetup SerializationSetup() =>
        Akka.Serialization.SerializationSetup.Create(system => [.. Internal.CswSerializers.All.Select(serializer => SerializerDetails.Create(serializer.Name, serializer.Create(system), serializer.Types))]);

    /// <summary>A valid actor-system name made from <paramref name="name"/>: ASCII letters, digits and '-', not leading; e.g. <c>WFOS-blue-filter</c> for a standalone container of <c>WFOS.blue.filter</c>.</summary>
    /// <param name="name">Any name, such as a container's.</param>
    public static string SystemName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).TrimStart('-');
        return clean.Length > 0 ? clean : "csw";
    }
}
