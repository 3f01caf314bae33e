using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// The location service over etcd. A registration is the key <c>prefix + connection name</c>
/// holding the location's CSW JSON, under this instance's lease: if the process dies, the lease
/// runs out and the keys go, which trackers see as LocationRemoved. Tracking is an etcd watch.
/// </summary>
internal sealed class EtcdLocationService : LocationServiceBase, IAsyncDisposable
{
    private readonly EtcdLocationOptions _options;

    private readonly EtcdGateway _gateway;

    private readonly EtcdLease _lease;

    private readonly EtcdRegistry _registry;

    /// <summary>What this instance registered, to put back under a new lease if the old one is lost.</summary>
    private readonly EtcdOwnRegistrations _own;

    /// <summary>Running trackings, stopped on disposal.</summary>
    private readonly Dictionary<Tracker, CancellationTokenSource> _trackings = [];

    /// <summary>Guards <see cref="_trackings"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Disposes once.</summary>
    private int _disposed;

    public EtcdLocationService(EtcdLocationOptions options)
        : base(options.Service.LoggerFactory, "Csw.Location.Etcd")
    {
        _options = options;
        _gateway = new EtcdGateway(options.Endpoints, options.RequestTimeout, Log);
        _registry = new EtcdRegistry(_gateway, options.KeyPrefix, Log);
        _own = new EtcdOwnRegistrations(_registry, Log);
        _lease = new EtcdLease(_gateway, options.LeaseTtl, Log) { Renewed = _own.RestoreAsync };
    }

    /// <summary>The lease; tests abandon it to play a crash.</summary>
    internal EtcdLease Lease => _lease;

    public override async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
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

    public override async Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
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

    public override async Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        _own.Clear();
        // A failure stays a plain LocationServiceException: UnregistrationFailed names one connection.
        await _registry.DeleteAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await _registry.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<Location?> ResolveCheckedAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken)
    {
        var found = await FindAsync(connection, cancellationToken).ConfigureAwait(false);
        if (found is not null || within == TimeSpan.Zero)
        {
            return found;
        }
        return await Tracker.FirstLocationAsync(token => Track(connection, token), within, cancellationToken).ConfigureAwait(false);
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

    protected override Tracker StartTracking(Connection connection)
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
        var tracking = new EtcdTracking(_gateway, _registry.KeyOf(connection), tracker, value => LocationJson.Deserialize<Location>(value), Log);
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
            Log.LogError(e, "Tracking {Connection} failed; its stream ends", tracker.Connection.Name);
            tracker.Complete();
        }
    }

    protected override void StopTracking(Tracker tracker)
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

    protected override async Task<IReadOnlyList<Location>> ListWhereAsync(Func<Location, bool> wanted, CancellationToken cancellationToken)
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
