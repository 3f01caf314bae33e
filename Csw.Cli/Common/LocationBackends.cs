using System.CommandLine;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>
/// Opening the location service a long-running process chose (<see cref="LocationBackend"/>) when
/// it is not the cluster, whose service needs the member's actor system: etcd (registrations vanish
/// within seconds if the process dies), a location server (registrations live as long as that
/// server), or an embedded one that only this process sees.
/// </summary>
internal static class LocationBackends
{
    /// <summary><c>--etcd host:port,host:port</c>: keep registrations in etcd instead of the cluster.</summary>
    public static Option<string?> Etcd() => new("--etcd")
    {
        Description = "Keep registrations in etcd instead of the Akka cluster: its members as host:port,host:port. Registrations then live under a lease this process keeps alive.",
    };

    /// <summary>What a container using the embedded service prints: how to make its components visible to other processes.</summary>
    public const string EmbeddedHint =
        "Only this process sees these components. To reach them from csw submit, csw location list or csw shell, "
        + "start `csw location-server` and run this container with --cluster-seeds 127.0.0.1:3552 (or set CLUSTER_SEEDS), or with --location http://127.0.0.1:7654.";

    /// <summary>Opens the chosen location service (not the cluster's) and says which it is.</summary>
    public static (ILocationService Service, string Description) Open(LocationBackend backend, string? token, string hostname, ILoggerFactory loggerFactory)
    {
        switch (backend)
        {
            case LocationBackend.Etcd etcd:
                return (Common.Etcd.Open(etcd.Members, hostname, loggerFactory), $"etcd at {etcd.Members}");
            case LocationBackend.Server server:
                var options = LocationClientOptions.Default.WithToken(token).WithLoggerFactory(loggerFactory);
                return (LocationServiceFactory.CreateHttpClient(server.Uri, options), $"location server at {server.Uri}");
            case LocationBackend.Embedded:
                var embedded = LocationServiceOptions.Default.WithHostname(hostname).WithLoggerFactory(loggerFactory);
                return (LocationServiceFactory.CreateEmbedded(embedded), "embedded (only this process sees these components)");
            default:
                throw new ArgumentException($"{backend} is opened through the cluster member.", nameof(backend));
        }
    }

    /// <summary>What a member says of where its registrations are: <c>the cluster (member akka.tcp://csw-system@127.0.0.1:3552; seeds 127.0.0.1:3552)</c>.</summary>
    public static string DescribeCluster(string memberAddress, ClusterSettings settings) =>
        $"the cluster (member {memberAddress}; seeds {ClusterOptions.Describe(settings)})";

    /// <summary>Closes the service if it holds connections or leases.</summary>
    public static async ValueTask CloseAsync(ILocationService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
