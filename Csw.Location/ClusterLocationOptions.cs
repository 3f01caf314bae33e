namespace Csw.Location;

/// <summary>
/// Settings of the location service kept in the Akka cluster
/// (<see cref="LocationServiceFactory.CreateCluster"/>), immutable: change them with <c>with</c> or
/// the <c>With...</c> methods.
/// </summary>
public sealed record ClusterLocationOptions
{
    /// <summary>The name of the replicated map that every member uses unless told otherwise.</summary>
    public const string DefaultStoreName = "csw-locations";

    /// <summary>The defaults: the store <see cref="DefaultStoreName"/>, 5 s per request.</summary>
    public static ClusterLocationOptions Default { get; } = new();

    /// <summary>
    /// The replicated map the registrations live in; another name is another, separate location
    /// service in the same cluster (tests use one each). Letters, digits, '-' and '_'.
    /// </summary>
    public string StoreName { get; init; } = DefaultStoreName;

    /// <summary>
    /// How long a call may wait for the cluster: the registrar's answer to a change (which includes
    /// its majority write), a majority read. 5 s by default.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Host names, tracker buffers and logging, as for every location service.</summary>
    public LocationServiceOptions Service { get; init; } = LocationServiceOptions.Default;

    /// <summary>These options with another <see cref="StoreName"/>.</summary>
    /// <param name="storeName">Letters, digits, '-' and '_'.</param>
    public ClusterLocationOptions WithStoreName(string storeName) =>
        this with { StoreName = IsValidStoreName(storeName) ? storeName : throw new ArgumentException("A store name is letters, digits, '-' and '_'.", nameof(storeName)) };

    /// <summary>These options with another <see cref="RequestTimeout"/>.</summary>
    /// <param name="requestTimeout">More than zero.</param>
    public ClusterLocationOptions WithRequestTimeout(TimeSpan requestTimeout) =>
        this with { RequestTimeout = requestTimeout > TimeSpan.Zero ? requestTimeout : throw new ArgumentOutOfRangeException(nameof(requestTimeout), requestTimeout, "More than zero.") };

    /// <summary>These options with other host names, tracker buffers or logging.</summary>
    /// <param name="service">The settings.</param>
    public ClusterLocationOptions WithService(LocationServiceOptions service) => this with { Service = service ?? throw new ArgumentNullException(nameof(service)) };

    /// <summary>How long the registrar's majority reads and writes may take: they must end before the caller gives up.</summary>
    internal TimeSpan MajorityTimeout => RequestTimeout * 0.4;

    internal static bool IsValidStoreName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
