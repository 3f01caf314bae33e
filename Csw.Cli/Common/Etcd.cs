using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>The etcd-backed location service, for processes given cluster seeds.</summary>
internal static class Etcd
{
    /// <exception cref="FormatException">The seeds are not host:port,host:port.</exception>
    public static ILocationService Open(string clusterSeeds, string hostname, ILoggerFactory loggerFactory) =>
        LocationServiceFactory.CreateEtcd(EtcdLocationOptions.FromClusterSeeds(clusterSeeds)
            .WithService(LocationServiceOptions.Default.WithHostname(hostname).WithLoggerFactory(loggerFactory)));
}
