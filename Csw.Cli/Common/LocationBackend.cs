using Csw.Location;

namespace Csw.Cli.Common;

/// <summary>
/// Where a long-running process keeps its registrations, as its options and environment say:
/// the Akka cluster, etcd, a location server, or its own memory.
/// </summary>
internal abstract record LocationBackend
{
    /// <summary>A member of the Akka cluster (CSW's way).</summary>
    public sealed record Cluster(ClusterSettings Settings) : LocationBackend;

    /// <summary>etcd, the alternative: registrations under a lease of this process.</summary>
    public sealed record Etcd(string Members) : LocationBackend;

    /// <summary>Through a location server's HTTP API.</summary>
    public sealed record Server(Uri Uri) : LocationBackend;

    /// <summary>An embedded service that only this process sees.</summary>
    public sealed record Embedded : LocationBackend;

    /// <summary>
    /// The backend: the one option given (<c>--cluster-seeds</c>, <c>--etcd</c>, <c>--location</c>),
    /// else <c>$CLUSTER_SEEDS</c>, else <c>$CSW_LOCATION</c> (when <paramref name="environmentLocation"/>), else a
    /// cluster of its own (when <paramref name="seedByDefault"/>: a location server is a seed) or the embedded service.
    /// </summary>
    /// <param name="seeds">--cluster-seeds.</param>
    /// <param name="etcd">--etcd.</param>
    /// <param name="location">--location.</param>
    /// <param name="clusterPort">The cluster port, should it be a member.</param>
    /// <param name="hostname">--hostname.</param>
    /// <param name="environmentLocation">Whether <c>$CSW_LOCATION</c> counts.</param>
    /// <param name="seedByDefault">Whether, given none of them, the process starts a cluster of its own.</param>
    /// <exception cref="FormatException">Several are given, or the seeds are not host:port,...; the message says which.</exception>
    public static LocationBackend Choose(string? seeds, string? etcd, Uri? location, int clusterPort, string? hostname, bool environmentLocation, bool seedByDefault)
    {
        var given = new (string Name, bool Set)[] { ("--cluster-seeds", seeds is not null), ("--etcd", etcd is not null), ("--location", location is not null) }
            .Where(option => option.Set).Select(option => option.Name).ToList();
        if (given.Count > 1)
        {
            throw new FormatException($"Give one of {string.Join(", ", given)}: each names a different place to keep registrations.");
        }
        if (seeds is not null)
        {
            return new Cluster(ClusterOptions.Settings(seeds, clusterPort, hostname));
        }
        if (etcd is not null)
        {
            try
            {
                // Read now, so that a typo is a usage error rather than a failure later.
                _ = EtcdLocationOptions.FromClusterSeeds(etcd);
            }
            catch (FormatException e)
            {
                throw new FormatException($"--etcd: {e.Message}", e);
            }
            return new Etcd(etcd);
        }
        if (location is not null)
        {
            return new Server(location);
        }
        if (ClusterOptions.SeedsOrEnvironment(null) is { } fromEnvironment)
        {
            try
            {
                return new Cluster(ClusterOptions.Settings(fromEnvironment, clusterPort, hostname));
            }
            catch (FormatException e)
            {
                throw new FormatException($"${ClusterSettings.SeedsVariable}: {e.Message}", e);
            }
        }
        if (environmentLocation && Environment.GetEnvironmentVariable(CliOptions.LocationVariable) is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return new Server(uri);
        }
        return seedByDefault ? new Cluster(ClusterOptions.Settings(null, clusterPort, hostname)) : new Embedded();
    }
}
