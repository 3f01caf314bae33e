using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>The etcd-backed location service, for processes given <c>--etcd</c>.</summary>
internal static class Etcd
{
    /// <exception cref="FormatException">The members are not host:port,host:port.</exception>
    public static ILocationService Open(string members, string hostname, ILoggerFactory loggerFactory) =>
        LocationServiceFactory.CreateEtcd(EtcdLocationOptions.FromClusterSeeds(members)
            .WithService(LocationServiceOptions.Default.WithHostname(hostname).WithLoggerFactory(loggerFactory)));
}
