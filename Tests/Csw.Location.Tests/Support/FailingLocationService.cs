using Csw.Params;

namespace Csw.Location.Tests.Support;

/// <summary>A backend whose every call throws the exception <see cref="Failure"/> makes, to see how the server reports it.</summary>
internal sealed class FailingLocationService(Func<Exception> failure) : ILocationService
{
    public Func<Exception> Failure { get; } = failure;

    public Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default) => throw Failure();

    public Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default) => throw Failure();

    public Task UnregisterAllAsync(CancellationToken cancellationToken = default) => throw Failure();

    public Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default) => throw Failure();

    public Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => throw Failure();

    public IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default) => throw Failure();

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback) => throw Failure();
}
