using Csw.Location.Internal;
using Csw.Location.Internal.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Location;

/// <summary>Makes location services.</summary>
public static class LocationServiceFactory
{
    /// <summary>A location service held in this process's memory: the default when everything runs in one process.</summary>
    /// <param name="loggerFactory">Where failures of tracking callbacks are logged; nowhere when null.</param>
    public static ILocationService CreateEmbedded(ILoggerFactory? loggerFactory = null) =>
        CreateEmbedded(LocationServiceOptions.Default with { LoggerFactory = loggerFactory });

    /// <summary>A location service held in this process's memory, with settings.</summary>
    /// <param name="options">Host names, tracker buffers, logging.</param>
    /// <exception cref="ArgumentException">The buffer size is below 1 or the host name is empty.</exception>
    public static ILocationService CreateEmbedded(LocationServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrackerBufferSize, 1, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Hostname, nameof(options));
        return new EmbeddedLocationService(options);
    }

    /// <summary>
    /// A location service reached through a location server (a <see cref="LocationServer"/> or CSW's
    /// own) at <paramref name="serverUri"/>, e.g. <c>http://127.0.0.1:7654/</c>. Registrations made
    /// through it are held by the server. The result is also <see cref="IAsyncDisposable"/>: dispose
    /// it to end its trackers and close its connections.
    /// </summary>
    /// <param name="serverUri">The server's address, http or https.</param>
    /// <param name="options">Token, request timeout, logging; the defaults when null.</param>
    /// <exception cref="ArgumentException">The address is not an absolute http or https URI.</exception>
    public static ILocationService CreateHttpClient(Uri serverUri, LocationClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serverUri);
        if (!serverUri.IsAbsoluteUri || (serverUri.Scheme != Uri.UriSchemeHttp && serverUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{serverUri}' is not the http or https address of a location server.", nameof(serverUri));
        }
        options ??= LocationClientOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageBytes, 1024, nameof(options));
        return new HttpLocationService(serverUri, options);
    }

    /// <summary>
    /// A location service kept in etcd (its v3 JSON gateway): registrations live under a lease this
    /// instance keeps alive, so a process that dies loses them within <see cref="EtcdLocationOptions.LeaseTtl"/>;
    /// tracking is an etcd watch that resumes after etcd restarts or a member fails. Dispose it to
    /// revoke the lease (its registrations go at once) and end its trackers.
    /// </summary>
    /// <param name="options">The etcd members, lease TTL and key prefix.</param>
    public static ILocationService CreateEtcd(EtcdLocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Internal.Etcd.EtcdLocationService(options);
    }

    /// <summary>
    /// A location service kept in the Akka cluster that <paramref name="system"/> is a member of (created
    /// with <see cref="ClusterSettings.ToConfig"/>): registrations are entries of a replicated map,
    /// owned by the member that made them; they go at once when it leaves, and within 5 s when it
    /// crashes (once the split-brain resolver downs it). Changes are decided by one registrar in the
    /// cluster (a singleton on the oldest member), so of concurrent conflicting registrations exactly
    /// one wins; reads ask a majority of members. Calls made before the member is up wait for it,
    /// up to <see cref="ClusterLocationOptions.RequestTimeout"/>. The result is also
    /// <see cref="IAsyncDisposable"/>: dispose it to end its trackers and unregister what it registered.
    /// </summary>
    /// <param name="system">A cluster member's actor system.</param>
    /// <param name="options">The store, timeouts, host names; the defaults when null.</param>
    /// <exception cref="ArgumentException">The system is not configured as a cluster member (<c>akka.actor.provider = cluster</c>).</exception>
    public static ILocationService CreateCluster(Akka.Actor.ActorSystem system, ClusterLocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= ClusterLocationOptions.Default;
        if (!ClusterLocationOptions.IsValidStoreName(options.StoreName))
        {
            throw new ArgumentException("A store name is letters, digits, '-' and '_'.", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options));
        if (((Akka.Actor.ExtendedActorSystem)system).Provider is not Akka.Cluster.ClusterActorRefProvider)
        {
            throw new ArgumentException($"The actor system '{system.Name}' is not a cluster member: create it with ClusterSettings.ToConfig() (akka.actor.provider = cluster).", nameof(system));
        }
        Internal.Cluster.ClusterMembership.JoinSelfIfNoSeeds(system);
        return new Internal.Cluster.ClusterLocationService(system, options);
    }

    /// <summary>
    /// <see cref="CreateCluster"/>, returning once the member is up and the service's tracking is in
    /// place: from then on its trackers hear every change made anywhere in the cluster. (A service
    /// from <see cref="CreateCluster"/> gets there by itself within moments; a tracker started before
    /// may miss changes made meanwhile, and start from the state after them.)
    /// </summary>
    /// <param name="system">A cluster member's actor system.</param>
    /// <param name="options">The store, timeouts, host names; the defaults when null.</param>
    /// <param name="cancellationToken">Stops waiting (the service is disposed).</param>
    /// <exception cref="ArgumentException">The system is not configured as a cluster member.</exception>
    public static async Task<ILocationService> CreateClusterAsync(Akka.Actor.ActorSystem system, ClusterLocationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var service = (Internal.Cluster.ClusterLocationService)CreateCluster(system, options);
        try
        {
            await service.Following.WaitAsync(cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
