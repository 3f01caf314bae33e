using System.Globalization;
using Akka.Configuration;

namespace Csw.Location.Internal.Cluster;

/// <summary>The HOCON behind <see cref="ClusterSettings.ToConfig"/>.</summary>
internal static class ClusterConfig
{
    /// <summary>The location serializer's identifier (Akka keeps 0 to 100 for its own).</summary>
    public const int SerializerId = 765401;

    /// <summary>The serializer and its bindings, which every member needs; also added at run time if missing.</summary>
    public static readonly Config Serialization = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.csw-location = "{{typeof(LocationSerializer).AssemblyQualifiedNameShort()}}"
          serialization-bindings { "{{typeof(IClusterLocationMessage).AssemblyQualifiedNameShort()}}" = csw-location }
          serialization-identifiers { "{{typeof(LocationSerializer).AssemblyQualifiedNameShort()}}" = {{SerializerId}} }
        }
        """);

    public static Config For(ClusterSettings settings)
    {
        var seeds = string.Join(", ", settings.SeedAddresses().Select(Quote));
        // Timings: heartbeats and the reaper every fraction of a second, so that a crashed member is
        // unreachable about 2.5-3 s after it died, downed 0.5-1.5 s later (stable-after, then the
        // resolver's once-a-second tick), and its registrations removed at once after that: within 5 s. Gossip and leader actions
        // run four times a second so that the downing spreads without waiting a second per hop.
        var config = ConfigurationFactory.ParseString($$"""
            # Suspended longer than the others wait before they may down it (unreachable after the
            # acceptable pause, downed once that is stable), a member downs itself (SuspendDetector).
            {{SuspendDetector.LimitPath}} = {{Millis(settings.AcceptableHeartbeatPause + settings.StableAfter)}}
            akka {
              actor.provider = cluster
              # Every member runs the default store's registrar manager from the start, whether or not
              # it creates a location service, so that the oldest member always hosts the registrar;
              # and DistributedPubSub's mediator, which components publish their events through: a member
              # without one cannot even read the others' pub-sub gossip, and logs each message it drops.
              extensions = [
                "{{typeof(ClusterStores.Provider).FullName}}, {{typeof(ClusterStores).Assembly.GetName().Name}}",
                "{{typeof(Akka.Cluster.Tools.PublishSubscribe.DistributedPubSubExtensionProvider).FullName}}, Akka.Cluster.Tools",
                "{{typeof(SuspendDetector.Provider).FullName}}, {{typeof(SuspendDetector).Assembly.GetName().Name}}"
              ]
              remote.dot-netty.tcp {
                hostname = {{Quote(settings.Hostname)}}
                port = {{settings.Port.ToString(CultureInfo.InvariantCulture)}}
              }
              cluster {
                seed-nodes = [{{seeds}}]
                min-nr-of-members = 1
                periodic-tasks-initial-delay = 200ms
                gossip-interval = 250ms
                leader-actions-interval = 250ms
                unreachable-nodes-reaper-interval = 250ms
                failure-detector {
                  heartbeat-interval = {{Millis(settings.HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Millis(settings.AcceptableHeartbeatPause)}}
                  expected-response-after = {{Millis(settings.HeartbeatInterval)}}
                  threshold = 8.0
                  min-std-deviation = 100ms
                }
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-oldest
                  stable-after = {{Millis(settings.StableAfter)}}
                  down-all-when-unstable = on
                  keep-oldest.down-if-alone = on
                }
                distributed-data.gossip-interval = 1s
                singleton.hand-over-retry-interval = 250ms
                singleton-proxy.singleton-identification-interval = 250ms
                # Akka.NET warns "failed to find an associated singleton ... after 30 seconds" the moment a
                # proxy starts (akkadotnet/akka.net#8568); a registrar that does not answer makes calls fail, saying so.
                singleton-proxy.log-singleton-identification-failure = off
              }
            }
            """);
        return config.WithFallback(Serialization);
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Millis(TimeSpan duration) => ((long)Math.Ceiling(duration.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string AssemblyQualifiedNameShort(this Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
