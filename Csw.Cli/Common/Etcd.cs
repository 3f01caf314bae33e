using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>The etcd-backed location service, for processes given cluster seeds.</summary>
internal static class Etcd
{
    public static ILocationService Open(string clusterSeeds, string hostname, ILoggerFactory loggerFactory) =>
        throw new NotSupportedException($"The etcd location backend is not available in this build (cluster seeds {clusterSeeds}); use --location with a location server.");
}
