using Csw.Location;
using Csw.Params;

namespace Csw.Framework.Tests.Support;

/// <summary>An embedded location service that, once <see cref="Gone"/>, fails every call as a disposed HTTP client does.</summary>
internal sealed class GoneLocationService : ILocationService
{
    private readonly ILocationService _inner = LocationServiceFactory.CreateEmbedded();

    public bool Gone { get; set; }

    public async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        var registered = await Call(() => _inner.RegisterAsync(registration, cancellationToken));
        return new RegistrationResult(registered.Location, ct => Call(() => registered.UnregisterAsync(ct)));
    }

    public Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default) => Call(() => _inner.UnregisterAsync(connection, cancellationToken));

    public Task UnregisterAllAsync(CancellationToken cancellationToken = default) => Call(() => _inner.UnregisterAllAsync(cancellationToken));

    public Task<Location.Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default) => Call(() => _inner.FindAsync(connection, cancellationToken));

    public Task<Location.Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default) => Call(() => _inner.ResolveAsync(connection, within, cancellationToken));

    public Task<IReadOnlyList<Location.Location>> ListAsync(CancellationToken cancellationToken = default) => Call(() => _inner.ListAsync(cancellationToken));

    public Task<IReadOnlyList<Location.Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) => Call(() => _inner.ListAsync(componentType, cancellationToken));

    public Task<IReadOnlyList<Location.Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) => Call(() => _inner.ListAsync(connectionType, cancellationToken));

    public Task<IReadOnlyList<Location.Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default) => Call(() => _inner.ListByHostnameAsync(hostname, cancellationToken));

    public Task<IReadOnlyList<Location.Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => Call(() => _inner.ListByPrefixAsync(prefix, cancellationToken));

    public IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default) => _inner.Track(connection, cancellationToken);

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback) => _inner.Subscribe(connection, callback);

    private T Call<T>(Func<T> call) => Gone ? throw new ObjectDisposedException("the location service client") : call();
}
