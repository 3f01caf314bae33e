using System.Collections.Immutable;
using System.Diagnostics;

namespace Csw.Location.Internal;

/// <summary>
/// The in-memory location service. Every change happens under one lock and publishes a new
/// immutable map of the registrations, so that reads (find, list) take no lock.
/// </summary>
/// <remarks>
/// A lock rather than an actor: each operation is a dictionary update and a few non-blocking
/// writes to tracker buffers, with no I/O and nothing to await, so an actor would only add a
/// mailbox hop and an ask per call. Trackers are told under the same lock, which is what keeps each
/// tracker's events in the order the changes happened and its first event the current state.
/// </remarks>
internal sealed class EmbeddedLocationService : LocationServiceBase
{
    /// <summary>Settings.</summary>
    private readonly LocationServiceOptions _options;

    /// <summary>Guards changes to <see cref="_locations"/> and all of <see cref="_trackers"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>The trackers of each connection (never an empty list); guarded by <see cref="_gate"/>.</summary>
    private readonly Dictionary<Connection, List<Tracker>> _trackers = [];

    /// <summary>The registrations; replaced whole under <see cref="_gate"/>, read without it.</summary>
    private volatile ImmutableDictionary<Connection, Location> _locations = ImmutableDictionary<Connection, Location>.Empty;

    public EmbeddedLocationService(LocationServiceOptions options)
        : base(options.LoggerFactory, "Csw.Location.Embedded") =>
        _options = options;

    /// <summary>How many trackers (streams, subscriptions, waiting resolves) are open; for tests.</summary>
    internal int TrackerCount
    {
        get
        {
            lock (_gate)
            {
                return _trackers.Values.Sum(list => list.Count);
            }
        }
    }

    public override Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        cancellationToken.ThrowIfCancellationRequested();
        var location = registration.ToLocation(_options.HostnameFor(registration));
        lock (_gate)
        {
            if (_locations.TryGetValue(location.Connection, out var existing))
            {
                if (existing != location)
                {
                    throw new OtherLocationIsRegisteredException(location, existing);
                }
            }
            else
            {
                _locations = _locations.Add(location.Connection, location);
                Notify(new LocationUpdated(location));
            }
            AssertInvariants();
        }
        return Task.FromResult(new RegistrationResult(location, _ => UnregisterIfStill(location)));
    }

    public override Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Remove(connection);
        }
        return Task.CompletedTask;
    }

    public override Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var connection in _locations.Keys)
            {
                Remove(connection);
            }
        }
        return Task.CompletedTask;
    }

    public override Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_locations.GetValueOrDefault(connection));
    }

    protected override async Task<Location?> ResolveCheckedAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_locations.TryGetValue(connection, out var found) || within == TimeSpan.Zero)
        {
            return found;
        }
        var tracker = StartTracking(connection);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // CancelAfter takes at most int.MaxValue milliseconds (about 24 days); longer is as good as forever.
        if (within != Timeout.InfiniteTimeSpan && within.TotalMilliseconds < int.MaxValue)
        {
            timeout.CancelAfter(within);
        }
        try
        {
            while (await tracker.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
            {
                while (tracker.Reader.TryRead(out var change))
                {
                    if (change is LocationUpdated updated)
                    {
                        return updated.Location;
                    }
                }
            }
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            StopTracking(tracker);
        }
    }

    /// <summary>Adds a tracker, handing it the current location first; from then on it sees every change.</summary>
    protected override Tracker StartTracking(Connection connection)
    {
        var tracker = new Tracker(connection, _options.TrackerBufferSize);
        lock (_gate)
        {
            if (!_trackers.TryGetValue(connection, out var trackers))
            {
                _trackers[connection] = trackers = [];
            }
            trackers.Add(tracker);
            if (_locations.TryGetValue(connection, out var current))
            {
                tracker.Deliver(new LocationUpdated(current));
            }
        }
        return tracker;
    }

    protected override void StopTracking(Tracker tracker)
    {
        lock (_gate)
        {
            if (_trackers.TryGetValue(tracker.Connection, out var trackers) && trackers.Remove(tracker) && trackers.Count == 0)
            {
                _trackers.Remove(tracker.Connection);
            }
            AssertInvariants();
        }
        tracker.Complete();
    }

    protected override Task<IReadOnlyList<Location>> ListWhereAsync(Func<Location, bool> wanted, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<Location>>([.. _locations.Values.Where(wanted)]);
    }

    /// <summary>A registration result's unregistration: only while the connection is still at its location.</summary>
    private Task UnregisterIfStill(Location location)
    {
        lock (_gate)
        {
            if (_locations.TryGetValue(location.Connection, out var current) && current == location)
            {
                Remove(location.Connection);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes a registration and tells its trackers; the caller holds <see cref="_gate"/>.</summary>
    private void Remove(Connection connection)
    {
        if (_locations.ContainsKey(connection))
        {
            _locations = _locations.Remove(connection);
            Notify(new LocationRemoved(connection));
        }
    }

    /// <summary>Tells the connection's trackers; the caller holds <see cref="_gate"/>, and no tracker blocks.</summary>
    private void Notify(TrackingEvent change)
    {
        if (_trackers.TryGetValue(change.Connection, out var trackers))
        {
            foreach (var tracker in trackers)
            {
                tracker.Deliver(change);
            }
        }
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "invariants are checked under the lock");
        Debug.Assert(_trackers.Values.All(list => list.Count > 0), "a connection without trackers has no entry");
        Debug.Assert(_locations.All(pair => pair.Key == pair.Value.Connection), "each location is filed under its own connection");
    }
}
