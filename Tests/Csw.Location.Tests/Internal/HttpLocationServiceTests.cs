namespace Csw.Location.Tests.Internal;

/// <summary>The contract suite against the HTTP client, over a location server on a free port over an embedded backend.</summary>
public sealed class HttpLocationServiceTests : LocationServiceContractTests
{
    private LocationServer? _server;

    protected override async Task<ILocationService> CreateServiceAsync()
    {
        _server = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(0));
        return LocationServiceFactory.CreateHttpClient(_server.Uri);
    }

    protected override async Task DisposeServiceAsync(ILocationService service)
    {
        await base.DisposeServiceAsync(service);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
