using Csw.Tests.Shared;
using Csw.Params;

namespace Csw.Location.Tests;

/// <summary>
/// What the location contract suites share: a fresh service per test over an empty store (the
/// embedded one now; etcd and the HTTP client later), the sample registrations and helpers.
/// </summary>
public abstract class LocationContractBase : IAsyncLifetime
{
    protected static readonly ComponentId WheelId = new(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD);
    protected static readonly PekkoConnection Wheel = new(WheelId);
    protected static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/user/wheel?uid=1"), Metadata.Empty.Add("key1", "value"));
    protected static readonly PekkoRegistration WheelElsewhere = new(Wheel, new Uri("csw://elsewhere/user/wheel?uid=2"));
    protected static readonly PekkoLocation WheelHereLocation = new(Wheel, WheelHere.ActorRefUri, WheelHere.Metadata);
    protected static readonly PekkoLocation WheelElsewhereLocation = new(Wheel, WheelElsewhere.ActorRefUri);

    private ILocationService? _service;

    /// <summary>The service under test, made fresh for each test.</summary>
    protected ILocationService Service => _service ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Makes a service over an empty store.</summary>
    protected abstract Task<ILocationService> CreateServiceAsync();

    /// <summary>Releases what <see cref="CreateServiceAsync"/> made; by default disposes the service if it is disposable.</summary>
    protected virtual async Task DisposeServiceAsync(ILocationService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public async Task InitializeAsync() => _service = await CreateServiceAsync();

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await DisposeServiceAsync(_service);
        }
    }

    protected static PekkoRegistration PekkoAt(string prefix, ComponentType type = ComponentType.HCD) =>
        new(new PekkoConnection(new ComponentId(Prefix.Parse(prefix), type)), new Uri($"csw://test/user/{prefix}"));

    protected static HttpRegistration HttpAt(string prefix, int port, ComponentType type = ComponentType.HCD) =>
        new(new HttpConnection(new ComponentId(Prefix.Parse(prefix), type)), port, "command");

    protected static IAsyncEnumerator<TrackingEvent> StartTracking(ILocationService service, Connection connection, CancellationToken cancellationToken) =>
        service.Track(connection, cancellationToken).GetAsyncEnumerator(cancellationToken);

    protected static async Task<TrackingEvent> NextAsync(IAsyncEnumerator<TrackingEvent> changes)
    {
        var next = changes.MoveNextAsync().AsTask();
        Assert.True(await next.WaitAsync(TestTime.DefaultTimeout), "the tracking stream ended");
        return changes.Current;
    }
}
