namespace Csw.Location;

/// <summary>How the etcd-backed location service reaches etcd and keeps its registrations alive.</summary>
public sealed record EtcdLocationOptions
{
    /// <summary>Creates options for the given etcd members.</summary>
    /// <param name="endpoints">Client URLs of the etcd members, e.g. <c>http://10.0.0.5:2379</c>; tried in turn when one fails.</param>
    public EtcdLocationOptions(IReadOnlyList<Uri> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0 || endpoints.Any(uri => uri is null || !uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("Give at least one etcd client URL, each an absolute http:// or https:// address.", nameof(endpoints));
        }
        Endpoints = endpoints;
    }

    /// <summary>The etcd members' client URLs.</summary>
    public IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>
    /// How long registrations outlive a process that stopped keeping them alive (the lease's TTL);
    /// 2 s by default, so a killed process's components disappear within about 3 s.
    /// </summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where under etcd's key space the registrations live; a different prefix is a separate location service.</summary>
    public string KeyPrefix { get; init; } = "/csw/location/";

    /// <summary>How long one request to etcd may take before the next member is tried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Host names, tracker buffers and logging, as for every location service.</summary>
    public LocationServiceOptions Service { get; init; } = LocationServiceOptions.Default;

    /// <summary>
    /// Options from a CSW-style <c>CLUSTER_SEEDS</c> list, <c>host:port,host:port</c> (a full
    /// <c>http://host:port</c> is accepted too).
    /// </summary>
    /// <exception cref="FormatException">An entry is not host:port.</exception>
    public static EtcdLocationOptions FromClusterSeeds(string clusterSeeds)
    {
        ArgumentNullException.ThrowIfNull(clusterSeeds);
        var endpoints = clusterSeeds.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(seed => (seed.Contains("://", StringComparison.Ordinal) || seed.Contains(':', StringComparison.Ordinal))
                && Uri.TryCreate(seed.Contains("://", StringComparison.Ordinal) ? seed : "http://" + seed, UriKind.Absolute, out var uri) && uri.Port > 0 && !string.IsNullOrEmpty(uri.Host)
                ? uri
                : throw new FormatException($"'{seed}' in the cluster seeds is not host:port (e.g. 10.0.0.5:2379)."))
            .ToList();
        return endpoints.Count > 0 ? new EtcdLocationOptions(endpoints) : throw new FormatException("The cluster seeds name no etcd member (expected host:port,host:port).");
    }

    /// <summary>A copy with another lease TTL (at least 1 s, as etcd requires).</summary>
    public EtcdLocationOptions WithLeaseTtl(TimeSpan leaseTtl) =>
        this with { LeaseTtl = leaseTtl >= TimeSpan.FromSeconds(1) ? leaseTtl : throw new ArgumentOutOfRangeException(nameof(leaseTtl), leaseTtl, "At least 1 s.") };

    /// <summary>A copy using another key prefix, which must start and end with '/'.</summary>
    public EtcdLocationOptions WithKeyPrefix(string keyPrefix) =>
        this with { KeyPrefix = keyPrefix is ['/', .., '/'] ? keyPrefix : throw new ArgumentException("A key prefix starts and ends with '/'.", nameof(keyPrefix)) };

    /// <summary>A copy with another per-request timeout.</summary>
    public EtcdLocationOptions WithRequestTimeout(TimeSpan requestTimeout) =>
        this with { RequestTimeout = requestTimeout > TimeSpan.Zero ? requestTimeout : throw new ArgumentOutOfRangeException(nameof(requestTimeout), requestTimeout, "More than zero.") };

    /// <summary>A copy with other host names, tracker buffers or logging.</summary>
    public EtcdLocationOptions WithService(LocationServiceOptions service) => this with { Service = service ?? throw new ArgumentNullException(nameof(service)) };
}
