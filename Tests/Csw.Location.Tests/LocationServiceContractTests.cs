using Csw.Params;
using Csw.TestKit;

namespace Csw.Location.Tests;

/// <summary>What every location service must do; run against the embedded one now, etcd and HTTP later.</summary>
public abstract class LocationServiceContractTests
{
    private static readonly Connection Wheel = Connection.Pekko(new ComponentId(Prefix.Parse("WFOS.blue.filter"), ComponentType.HCD));
    private static readonly Location Here = new(Wheel, new Uri("csw://test/user/WFOS.blue.filter"));
    private static readonly Location Elsewhere = new(Wheel, new Uri("csw://other/user/WFOS.blue.filter"));

    protected abstract ILocationService Create();

    [Fact]
    public async Task RegisterAsync_ThenFind_ReturnsTheLocation()
    {
        var service = Create();
        await service.RegisterAsync(Here);
        Assert.Equal(Here, await service.FindAsync(Wheel));
        Assert.Equal([Here], await service.ListAsync());
    }

    [Fact]
    public async Task RegisterAsync_SameLocationTwice_IsHarmless()
    {
        var service = Create();
        await service.RegisterAsync(Here);
        await service.RegisterAsync(Here);
        Assert.Single(await service.ListAsync());
    }

    [Fact]
    public async Task RegisterAsync_OtherLocationRegistered_Throws()
    {
        var service = Create();
        await service.RegisterAsync(Here);
        var error = await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => service.RegisterAsync(Elsewhere));
        Assert.Contains(Wheel.Name, error.Message);
    }

    [Fact]
    public async Task Registration_Disposed_Unregisters()
    {
        var service = Create();
        var registration = await service.RegisterAsync(Here);
        await registration.DisposeAsync();
        Assert.Null(await service.FindAsync(Wheel));
    }

    [Fact]
    public async Task Track_CurrentFirstThenChanges()
    {
        var service = Create();
        await service.RegisterAsync(Here);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = service.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new LocationUpdated(Here), changes.Current);
        await service.UnregisterAsync(Wheel);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new LocationRemoved(Wheel), changes.Current);
        await service.RegisterAsync(Elsewhere);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new LocationUpdated(Elsewhere), changes.Current);
    }

    [Fact]
    public async Task ResolveAsync_RegisteredLater_WaitsForIt()
    {
        var service = Create();
        var resolving = service.ResolveAsync(Wheel, TestTime.DefaultTimeout);
        await service.RegisterAsync(Here);
        Assert.Equal(Here, await resolving);
    }

    [Fact]
    public async Task ResolveAsync_NeverRegistered_NullAfterWaiting()
    {
        Assert.Null(await Create().ResolveAsync(Wheel, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Subscribe_Callback_ReceivesChangesUntilDisposed()
    {
        var service = Create();
        var changes = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        var subscription = service.Subscribe(Wheel, changes.Enqueue);
        await service.RegisterAsync(Here);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(Here)], changes));
        subscription.Dispose();
        await service.UnregisterAsync(Wheel);
        await service.RegisterAsync(Here);
        var probe = await service.ResolveAsync(Wheel, TestTime.DefaultTimeout);
        Assert.Equal(Here, probe);
        Assert.Single(changes);
    }
}

public sealed class EmbeddedLocationServiceTests : LocationServiceContractTests
{
    protected override ILocationService Create() => LocationServiceFactory.CreateEmbedded();
}
