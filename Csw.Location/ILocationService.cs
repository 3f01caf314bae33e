using Csw.Params;

namespace Csw.Location;

/// <summary>
/// Where components register how they are reached, and find and track each other (CSW's
/// <c>LocationService</c>). Obtain one from <see cref="LocationServiceFactory"/>. All members are
/// thread-safe. Failures of the service itself raise a <see cref="LocationServiceException"/>.
/// </summary>
public interface ILocationService
{
    /// <summary>
    /// Registers a connection at the location <paramref name="registration"/> makes. Registering the
    /// same location again succeeds and changes nothing.
    /// </summary>
    /// <param name="registration">What to register.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The location registered, and a way to unregister it.</returns>
    /// <exception cref="OtherLocationIsRegisteredException">The connection is registered at another location.</exception>
    /// <exception cref="RegistrationFailedException">The service could not register it.</exception>
    Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default);

    /// <summary>Removes a connection's registration; nothing happens when it is not registered.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="UnregistrationFailedException">The service could not unregister it.</exception>
    Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>Removes every registration (meant for tests and operators).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="UnregistrationFailedException">The service could not unregister one.</exception>
    Task UnregisterAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The connection's location, or null when it is not registered.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// The connection's location, waiting up to <paramref name="within"/> for it to be registered;
    /// null when it was not.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="within">How long to wait (zero: answer at once, as <see cref="FindAsync"/>; <see cref="Timeout.InfiniteTimeSpan"/>: until cancelled).</param>
    /// <param name="cancellationToken">Cancels the wait (throws <see cref="OperationCanceledException"/>).</param>
    Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default);

    /// <summary>Every registered location.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RegistrationListingFailedException">The service could not list them.</exception>
    Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The registered locations of components of one type.</summary>
    /// <param name="componentType">The component type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RegistrationListingFailedException">The service could not list them.</exception>
    Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default);

    /// <summary>The registered locations with one connection type.</summary>
    /// <param name="connectionType">The connection type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RegistrationListingFailedException">The service could not list them.</exception>
    Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default);

    /// <summary>The registered locations whose URI's host is <paramref name="hostname"/> (as CSW: <c>uri.getHost == hostname</c>).</summary>
    /// <param name="hostname">The host name or address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RegistrationListingFailedException">The service could not list them.</exception>
    Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default);

    /// <summary>
    /// The registered locations whose prefix, written out, starts with <paramref name="prefix"/>
    /// (as CSW: a plain string match, so <c>TCS.filter</c> matches <c>TCS.filter.wheel</c> and <c>TCS.filters</c>).
    /// </summary>
    /// <param name="prefix">The start of the prefix, e.g. <c>TCS</c> or <c>TCS.filter</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RegistrationListingFailedException">The service could not list them.</exception>
    Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// The connection's changes: its current location first (a <see cref="LocationUpdated"/>, when it
    /// is registered), then every update and removal, until cancelled. A reader that falls far behind
    /// loses its oldest events, never slowing registrants down.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="callback"/> with the connection's changes, as <see cref="Track"/> yields
    /// them, one at a time and in order; dispose the result to stop. Tracking has begun when this returns.
    /// A callback that throws is logged and stays subscribed.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="callback">Called once per change.</param>
    IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback);
}
