namespace Csw.Location;

/// <summary>
/// Where components register how they are reached, and find and track each other. Obtain one from
/// <see cref="LocationServiceFactory"/>. All members are thread-safe.
/// </summary>
public interface ILocationService
{
    /// <summary>Registers a location; registering the same location again is harmless.</summary>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A handle whose disposal unregisters the location.</returns>
    /// <exception cref="OtherLocationIsRegisteredException">The connection is registered at another address.</exception>
    Task<IAsyncDisposable> RegisterAsync(Location location, CancellationToken cancellationToken = default);

    /// <summary>Removes a connection's registration, if any.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>The connection's location, or null if it is not registered.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>The connection's location, waiting up to <paramref name="within"/> for it to be registered; null if it was not.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="within">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default);

    /// <summary>Every registered location.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The connection's changes: its current location first (if registered), then every update and removal, until cancelled.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onEvent"/> with the connection's changes, as <see cref="Track"/>; dispose the result to stop.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="onEvent">Called once per change, in order.</param>
    IDisposable Subscribe(Connection connection, Action<TrackingEvent> onEvent);
}
