using System.Globalization;
using System.Text.Json;
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

    private readonly ILogger _log;

    /// <summary>What this instance registered, to put back under a new lease if the old one is lost.</summary>
    private readonly Dictionary<Connection, Location> _own = [];

    /// <summary>Running trackings, stopped on disposal.</summary>
    private readonly Dictionary<Tracker, CancellationTokenSource> _trackings = [];

    private readonly Lock _gate = new();

    /// <summary>Disposes once.</summary>
    private int _disposed;

    public EtcdLocationService(EtcdLocationOptions options)
    {
        _options = options;
        _log = (options.Service.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Csw.Location.Etcd");
        _gateway = new EtcdGateway(options.Endpoints, options.RequestTimeout, _log);
        _lease = new EtcdLease(_gateway, options.LeaseTtl, _log) { Renewed = RestoreAsync };
    }

    /// <summary>The lease; tests abandon it to play a crash.</summary>
    internal EtcdLease Lease => _lease;

    public async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var location = registration.ToLocation(_options.Service.HostnameFor(registration));
        Location? before;
        lock (_gate)
        {
            // Owned before the put, so that a lease renewed meanwhile puts it back too.
            _own.Remove(location.Connection, out before);
            _own[location.Connection] = location;
        }
        try
        {
            var lease = await _lease.IdAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (EtcdRequestException e) when (e.IsLeaseNotFound)
            {
                // etcd lost the lease before the keep-alive noticed (it restarted without its data, or
                // this process was cut off for longer than the TTL): renew it now rather than fail.
                lease = await _lease.RenewAsync(lease, cancellationToken).ConfigureAwait(false);
                await PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_own.GetValueOrDefault(location.Connection) == location)
                {
                    _own.Remove(location.Connection);
                    if (before is not null)
                    {
                        _own[location.Connection] = before;
                    }
                }
            }
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
        lock (_gate)
        {
            _own.Remove(connection);
        }
        try
        {
            await _gateway.PostAsync("/v3/kv/deleterange", new { key = Key(connection) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdUnavailableException or EtcdRequestException)
        {
            throw new UnregistrationFailedException(connection, e);
        }
    }

    public async Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _own.Clear();
        }
        await _gateway.PostAsync("/v3/kv/deleterange", new { key = EtcdGateway.Base64(_options.KeyPrefix), range_end = EtcdGateway.PrefixEnd(_options.KeyPrefix) }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var answer = await _gateway.PostAsync("/v3/kv/range", new { key = Key(connection) }, cancellationToken).ConfigureAwait(false);
        return Locations(answer).FirstOrDefault();
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (within != Timeout.InfiniteTimeSpan && within.TotalMilliseconds < int.MaxValue)
        {
            timeout.CancelAfter(within);
        }
        try
        {
            await foreach (var change in Track(connection, timeout.Token).ConfigureAwait(false))
            {
                if (change is LocationUpdated updated)
                {
                    return updated.Location;
                }
            }
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
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
            trackers = [.. _trackings.Keys];
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
            _trackings[tracker] = stop;
        }
        var tracking = new EtcdTracking(_gateway, _options.KeyPrefix + connection.Name, tracker, value => LocationJson.Deserialize<Location>(value), _log);
        _ = tracking.RunAsync(stop.Token);
        return tracker;
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

    // Creates the key if absent; if present, it must hold the same location (then it is taken under this lease).
    private async Task PutAsync(Location location, long lease, CancellationToken cancellationToken)
    {
        var key = Key(location.Connection);
        var value = EtcdGateway.Base64(LocationJson.SerializeToUtf8Bytes(location));
        var put = new { request_put = new { key, value, lease = lease.ToString(CultureInfo.InvariantCulture) } };
        var answer = await _gateway.PostAsync("/v3/kv/txn", new
        {
            compare = new object[] { new { key, target = "CREATE", create_revision = "0", result = "EQUAL" } },
            success = new object[] { put },
            failure = new object[] { new { request_range = new { key } } },
        }, cancellationToken).ConfigureAwait(false);
        if (answer.TryGetProperty("succeeded", out var succeeded) && succeeded.GetBoolean())
        {
            return;
        }
        var existing = Locations(answer.GetProperty("responses")[0].GetProperty("response_range")).FirstOrDefault();
        if (existing is not null && existing != location)
        {
            throw new OtherLocationIsRegisteredException(location, existing);
        }
        // The same location (registered again, or by another instance): it is ours now as well, under our lease.
        var taken = await _gateway.PostAsync("/v3/kv/txn", new
        {
            compare = new object[] { new { key, target = "VALUE", value, result = "EQUAL" } },
            success = new object[] { put },
        }, cancellationToken).ConfigureAwait(false);
        if (!(taken.TryGetProperty("succeeded", out var took) && took.GetBoolean()))
        {
            // It changed in between: try once more from the start, which tells whether it is now another location.
            await PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnregisterIfStillAsync(Location location, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_own.TryGetValue(location.Connection, out var mine) && mine == location)
            {
                _own.Remove(location.Connection);
            }
        }
        var key = Key(location.Connection);
        var value = EtcdGateway.Base64(LocationJson.SerializeToUtf8Bytes(location));
        await _gateway.PostAsync("/v3/kv/txn", new
        {
            compare = new object[] { new { key, target = "VALUE", value, result = "EQUAL" } },
            success = new object[] { new { request_delete_range = new { key } } },
        }, cancellationToken).ConfigureAwait(false);
    }

    // After the lease was lost: put this instance's registrations back under the new one.
    private async Task RestoreAsync(long lease)
    {
        List<Location> own;
        lock (_gate)
        {
            own = [.. _own.Values];
        }
        foreach (var location in own)
        {
            try
            {
                await PutAsync(location, lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (LocationServiceException e)
            {
                _log.LogError("Could not put {Connection} back after the lease was lost: {Reason}", location.Connection.Name, e.Message);
            }
        }
    }

    private async Task<IReadOnlyList<Location>> ListAsync(Func<Location, bool> wanted, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _gateway.PostAsync("/v3/kv/range", new { key = EtcdGateway.Base64(_options.KeyPrefix), range_end = EtcdGateway.PrefixEnd(_options.KeyPrefix) }, cancellationToken).ConfigureAwait(false);
            return [.. Locations(answer).Where(wanted)];
        }
        catch (Exception e) when (e is EtcdUnavailableException or EtcdRequestException)
        {
            throw new RegistrationListingFailedException(e);
        }
    }

    private string Key(Connection connection) => EtcdGateway.Base64(_options.KeyPrefix + connection.Name);

    private IEnumerable<Location> Locations(JsonElement rangeAnswer)
    {
        if (!rangeAnswer.TryGetProperty("kvs", out var kvs))
        {
            yield break;
        }
        foreach (var kv in kvs.EnumerateArray())
        {
            Location? location = null;
            try
            {
                location = LocationJson.Deserialize<Location>(kv.GetProperty("value").GetBytesFromBase64());
            }
            catch (CswJsonException e)
            {
                _log.LogWarning("Ignoring an etcd entry that is not a location: {Reason}", e.Message);
            }
            if (location is not null)
            {
                yield return location;
            }
        }
    }
}
