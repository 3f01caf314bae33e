using Csw.Tests.Shared;
using Csw.Params;

namespace Csw.Location.Tests;

/// <summary>What every location service must do for trackers: tracking streams and callback subscriptions.</summary>
public abstract class LocationTrackingContractTests : LocationContractBase
{
    [Fact]
    public async Task Track_Registered_CurrentLocationFirstThenChanges()
    {
        await Service.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));
        await Service.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await Service.RegisterAsync(WheelElsewhere);
        Assert.Equal(new LocationUpdated(WheelElsewhereLocation), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_NotRegistered_FirstEventIsTheLaterRegistration()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        var first = NextAsync(changes);

        await Service.RegisterAsync(PekkoAt("TCS.other"));
        await Service.RegisterAsync(WheelHere);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await first);
    }

    [Fact]
    public async Task Track_SameLocationRegisteredAgain_NoSecondEvent()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        var first = NextAsync(changes);
        await Service.RegisterAsync(WheelHere);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await first);

        await Service.RegisterAsync(WheelHere);
        await Service.UnregisterAsync(Wheel);

        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_TwoTrackers_BothSeeEveryChange()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var one = StartTracking(Service, Wheel, stop.Token);
        await using var two = StartTracking(Service, Wheel, stop.Token);
        var firstOfOne = NextAsync(one);
        var firstOfTwo = NextAsync(two);

        await Service.RegisterAsync(WheelHere);
        await Service.UnregisterAsync(Wheel);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await firstOfOne);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await firstOfTwo);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(one));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(two));
    }

    [Fact]
    public async Task Track_Cancelled_StreamEnds()
    {
        await Service.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource();
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));
        var next = changes.MoveNextAsync().AsTask();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task Subscribe_Registered_CallbackGetsCurrentLocationThenChanges()
    {
        await Service.RegisterAsync(WheelHere);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        using var subscription = Service.Subscribe(Wheel, seen.Enqueue);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(WheelHereLocation)], seen));

        await Service.UnregisterAsync(Wheel);

        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(WheelHereLocation), new LocationRemoved(Wheel)], seen));
    }

    [Fact]
    public async Task Subscribe_Disposed_NoMoreCallbacks()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        var subscription = Service.Subscribe(Wheel, seen.Enqueue);
        await Service.RegisterAsync(WheelHere);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(seen));

        subscription.Dispose();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var witness = StartTracking(Service, Wheel, stop.Token);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(witness));
        await Service.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(witness));

        Assert.Equal([new LocationUpdated(WheelHereLocation)], seen);
    }
}
