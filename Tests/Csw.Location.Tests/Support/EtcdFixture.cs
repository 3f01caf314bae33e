using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>One etcd shared by a test class; each test uses its own key prefix, so tests do not see each other.</summary>
public sealed class EtcdFixture : IAsyncLifetime
{
    private EtcdProcess? _etcd;

    public EtcdProcess Etcd => _etcd ?? throw new InvalidOperationException("etcd has not started.");

    /// <summary>Options for a fresh, empty location service on this etcd.</summary>
    public EtcdLocationOptions Options() =>
        new EtcdLocationOptions([Etcd.ClientUrl]).WithKeyPrefix($"/test/{Guid.NewGuid():N}/");

    public async Task InitializeAsync() => _etcd = await EtcdProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_etcd is not null)
        {
            await _etcd.DisposeAsync();
        }
    }
}
