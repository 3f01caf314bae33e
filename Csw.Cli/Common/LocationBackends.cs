using System.CommandLine;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>
/// Which location service a long-running process uses: etcd when cluster seeds are given
/// (registrations vanish within seconds if the process dies), a location server when its address
/// is given (registrations live as long as that server), otherwise an embedded one that only this
/// process sees.
/// </summary>
internal static class LocationBackends
{
    /// <summary>The environment variable listing etcd members, as CSW's <c>CLUSTER_SEEDS</c>.</summary>
    public const string ClusterSeedsVariable = "CLUSTER_SEEDS";

    /// <summary><c>--cluster-seeds host:port,host:port</c>: the etcd members.</summary>
    public static Option<string?> ClusterSeeds() => new("--cluster-seeds")
    {
        Description = $"etcd members as host:port,host:port (default: ${ClusterSeedsVariable}). Registrations then live under a lease this process keeps alive.",
    };

    /// <summary>What a container using the embedded service prints: how to make its components visible to other processes.</summary>
    public const string EmbeddedHint =
        "Only this process sees these components. To reach them from csw submit, csw location list or csw shell, "
        + "start `csw location-server` and run this container with --location http://127.0.0.1:7654 (or set CSW_LOCATION).";

    /// <summary>The seeds to use: the option, else the environment, else none.</summary>
    public static string? SeedsOrDefault(string? given) =>
        given ?? (Environment.GetEnvironmentVariable(ClusterSeedsVariable) is { Length: > 0 } seeds ? seeds : null);

    /// <summary>Opens the chosen location service and says which it is.</summary>
    public static (ILocationService Service, string Description) Open(string? clusterSeeds, Uri? locationServer, string? token, string hostname, ILoggerFactory loggerFactory)
    {
        if (clusterSeeds is not null)
        {
            return (Etcd.Open(clusterSeeds, hostname, loggerFactory), $"etcd at {clusterSeeds}");
        }
        if (locationServer is not null)
        {
            var options = LocationClientOptions.Default.WithToken(token).WithLoggerFactory(loggerFactory);
            return (LocationServiceFactory.CreateHttpClient(locationServer, options), $"location server at {locationServer}");
        }
        var embedded = LocationServiceOptions.Default.WithHostname(hostname).WithLoggerFactory(loggerFactory);
        return (LocationServiceFactory.CreateEmbedded(embedded), "embedded (only this process sees these components)");
    }

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
