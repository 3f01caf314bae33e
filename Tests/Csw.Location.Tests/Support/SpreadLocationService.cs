using Csw.Params;

namespace Csw.Location.Tests.Support;

/// <summary>
/// One location service made of three members' instances: changes through the first, finds and
/// listings through the second, tracking through the third; so that the contract suites check
/// that what one member does, the others see.
/// </summary>
public sealed class SpreadLocationService(ILocationService writer, ILocationService reader, ILocationService tracker) : ILocationService, IAsyncDisposable
{
    public Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default) => writer.RegisterAsync(registration, cancellationToken);

    public Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default) => writer.UnregisterAsync(connection, cancellationToken);

    public Task UnregisterAllAsync(CancellationToken cancellationToken = default) => writer.UnregisterAllAsync(cancellationToken);

    public Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default) => reader.FindAsync(connection, cancellationToken);

    public Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default) => reader.ResolveAsync(connection, within, cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default) => reader.ListAsync(cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) => reader.ListAsync(componentType, cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) => reader.ListAsync(connectionType, cancellationToken);

    public Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default) => reader.ListByHostnameAsync(hostname, cancellationToken);

    public Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => reader.ListByPrefixAsync(prefix, cancellationToken);

    public IAsyncEnumerable<TrackingEvent> Track(Connection connection, CancellationToken cancellationToken = default) => tracker.Track(connection, cancellationToken);

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback) => tracker.Subscribe(connection, callback);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { writer, reader, tracker })
        {
            await ((IAsyncDisposable)service).DisposeAsync();
        }
    }
}
