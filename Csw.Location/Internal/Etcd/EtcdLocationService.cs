using Csw.Params;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// The location service over etcd. A registration is the key <c>prefix + connection name</c>
/// holding the location's CSW JSON, under this instance's lease: if the process dies, the lease
/// runs out and the keys go, which trackers see as LocationRemoved. Tracking is an etcd watch.
/// </summary>
internal sealed class EtcdLocationService : ILocationService, IAsyncDisposable
{
    private readonly EtcdLocationOptions _options;

    private readonly EtcdGateway _gateway;

    private readonly EtcdLease _lease;

    private readonly EtcdRegistry _registry;

    private readonly ILogger _log;

    /// <summary>What this instance registered, to put back under a new lease if the old one is lost.</summary>
    private readonly EtcdOwnRegistrations _own;

    /// <summary>Running trackings, stopped on disposal.</summary>
    private readonly Dictionary<Tracker, CancellationTokenSource> _trackings = [];

    /// <summary>Guards <see cref="_trackings"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Disposes once.</summary>
    private int _disposed;

    public EtcdLocationService(EtcdLocationOptions options)
    {
        _options = options;
        _log = (options.Service.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Csw.Location.Etcd");
        _gateway = new EtcdGateway(options.Endpoints, options.RequestTimeout, _log);
        _registry = new EtcdRegistry(_gateway, options.KeyPrefix, _log);
        _own = new EtcdOwnRegistrations(_registry, _log);
        _lease = new EtcdLease(_gateway, options.LeaseTtl, _log) { Renewed = _own.RestoreAsync };
    }

    /// <summary>The lease; tests abandon it to play a crash.</summary>
    internal EtcdLease Lease => _lease;

    public async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var location = registration.ToLocation(_options.Service.HostnameFor(registration));
        Location? before;
        // Owned before the put, so that a lease renewed meanwhile puts it back too.
        before = _own.Add(location);
        try
        {
            var lease = await _lease.IdAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _registry.PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (EtcdRequestException e) when (e.IsLeaseNotFound)
            {
                // etcd lost the lease before the keep-alive noticed (it restarted without its data, or
                // this process was cut off for longer than the TTL): renew it now rather than fail.
                lease = await _lease.RenewAsync(lease, cancellationToken).ConfigureAwait(false);
                await _registry.PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _own.Undo(location, before);
            if (e is EtcdUnavailableException or EtcdRequestException)
            {
                throw new RegistrationFailedException($"Could not register {location.Connection.Name} in etcd: {e.Message}", e);
            }
            throw;
        }
        return new RegistrationResult(location, ct => UnregisterIfStillAsync(location, ct));
    }

    public async Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _own.Remove(connection);
        try
        {
            await _registry.DeleteAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdUnavailableException or EtcdRequestException)
        {
            throw new UnregistrationFailedException(connection, e);
        }
    }

    public async Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        _own.Clear();
        // A failure stays a plain LocationServiceException: UnregistrationFailed names one connection.
        await _registry.DeleteAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await _registry.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (within < TimeSpan.Zero && within != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "How long to wait is zero or more, or infinite.");
        }
        var found = await FindAsync(connection, cancellationToken).ConfigureAwait(false);
        if (found is not null || within == TimeSpan.Zero)
        {
            return found;
        }
        return await Tracker.FirstLocationAsync(token => Track(connection, token), within, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default) => ListAsync(_ => true, cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) =>
        ListAsync(LocationFilters.Of(componentType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) =>
        ListAsync(LocationFilters.Of(connectionType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default) =>
        ListAsync(LocationFilters.OnHost(hostname), cancellationToken);

    public Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default) =>
        ListAsync(LocationFilters.WithPrefix(prefix), cancellationToken);

    public IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Tracker.StreamAsync(() => StartTracking(connection), StopTracking, cancellationToken);
    }

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new CallbackSubscription(StartTracking(connection), callback, StopTracking, _log);
        subscription.Start();
        return subscription;
    }

    /// <summary>Ends every tracking and revokes the lease, so this instance's registrations go at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        List<Tracker> trackers;
        lock (_gate)
        {
            trackers = [.. _trackings.Keys]; // No tracking starts after this: _disposed is set.
        }
        trackers.ForEach(StopTracking);
        await _lease.DisposeAsync().ConfigureAwait(false);
        _gateway.Dispose();
    }

    private Tracker StartTracking(Connection connection)
    {
        var tracker = new Tracker(connection, _options.Service.TrackerBufferSize);
        var stop = new CancellationTokenSource();
        lock (_gate)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                tracker.Complete(); // Disposed: the stream ends at once rather than never.
                return tracker;
            }
            _trackings[tracker] = stop;
        }
        var tracking = new EtcdTracking(_gateway, _registry.KeyOf(connection), tracker, value => LocationJson.Deserialize<Location>(value), _log);
        _ = FollowAsync(tracking, tracker, stop.Token);
        return tracker;
    }

    private async Task FollowAsync(EtcdTracking tracking, Tracker tracker, CancellationToken stop)
    {
        try
        {
            await tracking.RunAsync(stop).ConfigureAwait(false);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // A failure the tracking does not expect would leave its reader waiting forever: end the stream instead.
            _log.LogError(e, "Tracking {Connection} failed; its stream ends", tracker.Connection.Name);
            tracker.Complete();
        }
    }

    private void StopTracking(Tracker tracker)
    {
        CancellationTokenSource? stop;
        lock (_gate)
        {
            _trackings.Remove(tracker, out stop);
        }
        stop?.Cancel();
        stop?.Dispose();
        tracker.Complete();
    }

    private async Task UnregisterIfStillAsync(Location location, CancellationToken cancellationToken)
    {
        _own.Remove(location);
        try
        {
            await _registry.DeleteIfAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdUnavailableException or EtcdRequestException)
        {
            throw new UnregistrationFailedException(location.Connection, e);
        }
    }

    private async Task<IReadOnlyList<Location>> ListAsync(Func<Location, bool> wanted, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await _registry.ReadAllAsync(cancellationToken).ConfigureAwait(false)).Where(wanted)];
        }
        catch (Exception e) when (e is EtcdUnavailableException or EtcdRequestException)
        {
            throw new RegistrationListingFailedException(e);
        }
    }
}
