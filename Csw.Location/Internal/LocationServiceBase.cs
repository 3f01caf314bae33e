using Csw.Params;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Location.Internal;

/// <summary>
/// What the backends that keep the registrations themselves (embedded, cluster, etcd) share: the
/// listings as filters over one read of everything (<see cref="LocationFilters"/>), tracking and
/// subscribing as <see cref="Tracker"/>s, and the checks of a resolve's arguments. A backend says
/// how to change, find and list its registrations and how to start and stop a tracker.
/// </summary>
internal abstract class LocationServiceBase : ILocationService
{
    /// <param name="loggerFactory">Where the log goes (none: nowhere).</param>
    /// <param name="category">The backend's log category.</param>
    protected LocationServiceBase(ILoggerFactory? loggerFactory, string category) =>
        Log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(category);

    /// <summary>The backend's log; also where failures of subscription callbacks go.</summary>
    protected ILogger Log { get; }

    public abstract Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default);

    public abstract Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default);

    public abstract Task UnregisterAllAsync(CancellationToken cancellationToken = default);

    public abstract Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>Checks the arguments (a failure faults the task), then resolves as the backend does (<see cref="ResolveCheckedAsync"/>).</summary>
    public async Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (within < TimeSpan.Zero && within != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "How long to wait is zero or more, or infinite.");
        }
        return await ResolveCheckedAsync(connection, within, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default) =>
        ListWhereAsync(_ => true, cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) =>
        ListWhereAsync(LocationFilters.Of(componentType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) =>
        ListWhereAsync(LocationFilters.Of(connectionType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default) =>
        ListWhereAsync(LocationFilters.OnHost(hostname), cancellationToken);

    public Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default) =>
        ListWhereAsync(LocationFilters.WithPrefix(prefix), cancellationToken);

    public IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Tracker.StreamAsync(() => StartTracking(connection), StopTracking, cancellationToken);
    }

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new CallbackSubscription(StartTracking(connection), callback, StopTracking, Log);
        subscription.Start();
        return subscription;
    }

    /// <summary>
    /// <see cref="ResolveAsync"/> once its arguments are checked: <paramref name="connection"/> is
    /// not null and <paramref name="within"/> is zero or more, or infinite.
    /// </summary>
    protected abstract Task<Location?> ResolveCheckedAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken);

    /// <summary>The registered locations that <paramref name="wanted"/> keeps; fails with <see cref="RegistrationListingFailedException"/>.</summary>
    protected abstract Task<IReadOnlyList<Location>> ListWhereAsync(Func<Location, bool> wanted, CancellationToken cancellationToken);

    /// <summary>
    /// A new tracker of <paramref name="connection"/>: its first event is the current location (when
    /// registered), then every change until <see cref="StopTracking"/>. A backend that is already
    /// disposed hands out a complete one, so that its stream ends rather than waits forever.
    /// </summary>
    protected abstract Tracker StartTracking(Connection connection);

    /// <summary>Ends a tracker <see cref="StartTracking"/> made: it hears no more changes and its stream ends.</summary>
    protected abstract void StopTracking(Tracker tracker);
}
