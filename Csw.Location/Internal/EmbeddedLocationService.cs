using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal;

/// <summary>
/// The in-memory location service. A lock guards a small map and the trackers; registering never
/// waits for a tracker (each has a bounded buffer that drops its oldest event).
/// </summary>
internal sealed class EmbeddedLocationService(ILogger log) : ILocationService
{
    private const int TrackerBuffer = 256;

    /// <summary>The registrations; guarded by itself.</summary>
    private readonly Dictionary<Connection, Location> _locations = [];

    /// <summary>The trackers of each connection; guarded by <see cref="_locations"/>.</summary>
    private readonly Dictionary<Connection, List<ChannelWriter<TrackingEvent>>> _trackers = [];

    public Task<IAsyncDisposable> RegisterAsync(Location location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        lock (_locations)
        {
            if (_locations.TryGetValue(location.Connection, out var existing) && existing != location)
            {
                throw new OtherLocationIsRegisteredException($"{location.Connection} is already registered at {existing.Uri}; cannot register it at {location.Uri}.");
            }
            _locations[location.Connection] = location;
            Notify(new LocationUpdated(location));
        }
        return Task.FromResult<IAsyncDisposable>(new Registration(this, location));
    }

    public Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_locations)
        {
            if (_locations.Remove(connection))
            {
                Notify(new LocationRemoved(connection));
            }
        }
        return Task.CompletedTask;
    }

    public Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_locations)
        {
            return Task.FromResult(_locations.GetValueOrDefault(connection));
        }
    }

    public async Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        try
        {
            await foreach (var change in Track(connection, timeout.Token).ConfigureAwait(false))
            {
                if (change is LocationUpdated updated)
                {
                    return updated.Location;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return null;
    }

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_locations)
        {
            return Task.FromResult<IReadOnlyList<Location>>(_locations.Values.ToList());
        }
    }

    public async IAsyncEnumerable<TrackingEvent> Track(Connection connection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var buffer = Channel.CreateBounded<TrackingEvent>(new BoundedChannelOptions(TrackerBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_locations)
        {
            if (!_trackers.TryGetValue(connection, out var trackers))
            {
                _trackers[connection] = trackers = [];
            }
            trackers.Add(buffer.Writer);
            if (_locations.TryGetValue(connection, out var current))
            {
                buffer.Writer.TryWrite(new LocationUpdated(current));
            }
        }
        try
        {
            await foreach (var change in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_locations)
            {
                if (_trackers.TryGetValue(connection, out var trackers) && trackers.Remove(buffer.Writer) && trackers.Count == 0)
                {
                    _trackers.Remove(connection);
                }
            }
        }
    }

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var stop = new CancellationTokenSource();
        var changes = Track(connection, stop.Token).GetAsyncEnumerator(stop.Token);
        // The first MoveNextAsync registers the tracker before Subscribe returns.
        var first = changes.MoveNextAsync();
        _ = PumpAsync(changes, first, onEvent, log);
        return new Unsubscriber(stop);
    }

    private static async Task PumpAsync(IAsyncEnumerator<TrackingEvent> changes, ValueTask<bool> first, Action<TrackingEvent> onEvent, ILogger log)
    {
        try
        {
            for (var more = await first.ConfigureAwait(false); more; more = await changes.MoveNextAsync().ConfigureAwait(false))
            {
                try
                {
                    onEvent(changes.Current);
                }
                catch (Exception e)
                {
                    log.LogError(e, "A tracking callback failed on {Change}; it stays subscribed", changes.Current);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await changes.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Notify(TrackingEvent change)
    {
        if (_trackers.TryGetValue(change.Connection, out var trackers))
        {
            foreach (var tracker in trackers)
            {
                tracker.TryWrite(change);
            }
        }
    }

    private void UnregisterIfStill(Location location)
    {
        lock (_locations)
        {
            if (_locations.TryGetValue(location.Connection, out var current) && current == location)
            {
                _locations.Remove(location.Connection);
                Notify(new LocationRemoved(location.Connection));
            }
        }
    }

    /// <summary>Unregisters its location on disposal, unless someone else registered the connection since.</summary>
    private sealed class Registration(EmbeddedLocationService service, Location location) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            service.UnregisterIfStill(location);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Ends a callback subscription.</summary>
    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
