using Csw.Location.Internal;
using Csw.Params;
using Csw.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Tests.Internal;

/// <summary>The contract suite against the embedded backend, and what only the embedded backend promises.</summary>
public sealed class EmbeddedLocationServiceTests : LocationServiceContractTests
{
    protected override Task<ILocationService> CreateServiceAsync() => Task.FromResult(LocationServiceFactory.CreateEmbedded());

    [Fact]
    public async Task Track_ReaderFallsBehind_RegistrantNeverWaitsAndOldestEventsAreDropped()
    {
        var service = LocationServiceFactory.CreateEmbedded(LocationServiceOptions.Default.WithTrackerBufferSize(4));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(service, Wheel, stop.Token);
        var first = NextAsync(changes);
        await service.RegisterAsync(WheelHere);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await first);

        // Nobody reads while 100 changes happen: every call still completes at once.
        for (var i = 0; i < 50; i++)
        {
            Assert.True(service.UnregisterAsync(Wheel).IsCompletedSuccessfully);
            Assert.True(service.RegisterAsync(i % 2 == 0 ? WheelElsewhere : WheelHere).IsCompletedSuccessfully);
        }

        // The newest four survive, in order; the last one is the current state.
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(WheelElsewhereLocation), await NextAsync(changes));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));
    }

    [Fact]
    public async Task RegisterAsync_HttpOnEachNetwork_LocationUsesThatNetworksHostname()
    {
        var service = LocationServiceFactory.CreateEmbedded(LocationServiceOptions.Default.WithHostname("inside.example").WithPublicHostname("outside.example"));
        var inside = new HttpConnection(WheelId);
        var outside = new HttpConnection(new ComponentId(Prefix.Parse("TCS.public"), ComponentType.Service));

        var insideResult = await service.RegisterAsync(new HttpRegistration(inside, 8080, "command"));
        var outsideResult = await service.RegisterAsync(new HttpRegistration(outside, 8081, "/api", NetworkType.Outside, Metadata.Empty));
        var tcpResult = await service.RegisterAsync(new TcpRegistration(new TcpConnection(WheelId), 9000));

        Assert.Equal(new Uri("http://inside.example:8080/command"), insideResult.Location.Uri);
        Assert.Equal(new Uri("http://outside.example:8081/api"), outsideResult.Location.Uri);
        Assert.Equal(new Uri("tcp://inside.example:9000"), tcpResult.Location.Uri);
        Assert.Equal([outsideResult.Location], await service.ListByHostnameAsync("outside.example"));
    }

    [Fact]
    public async Task RegisterAsync_Defaults_HttpLocationOnLoopback()
    {
        var result = await LocationServiceFactory.CreateEmbedded().RegisterAsync(new HttpRegistration(new HttpConnection(WheelId), 8080));

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), result.Location.Uri);
    }

    [Fact]
    public async Task Subscribe_CallbackThrows_LoggedAndStaysSubscribed()
    {
        using var logs = new CapturingLoggerFactory();
        var service = LocationServiceFactory.CreateEmbedded(logs);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        using var subscription = service.Subscribe(Wheel, change =>
        {
            seen.Enqueue(change);
            if (change is LocationUpdated)
            {
                throw new InvalidOperationException("callback failed");
            }
        });

        await service.RegisterAsync(WheelHere);
        await service.UnregisterAsync(Wheel);

        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(WheelHereLocation), new LocationRemoved(Wheel)], seen));
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("callback failed", entry.Exception?.Message);
    }

    [Fact]
    public async Task TrackSubscribeResolve_Ended_LeaveNoTrackerBehind()
    {
        var service = (EmbeddedLocationService)LocationServiceFactory.CreateEmbedded();
        using (var stop = new CancellationTokenSource(TestTime.DefaultTimeout))
        {
            await using var changes = StartTracking(service, Wheel, stop.Token);
            var first = NextAsync(changes);
            Assert.Equal(1, service.TrackerCount);
            await service.RegisterAsync(WheelHere);
            await first;
        }
        Assert.Equal(0, service.TrackerCount);

        var subscription = service.Subscribe(Wheel, _ => { });
        Assert.Equal(1, service.TrackerCount);
        subscription.Dispose();
        Assert.Equal(0, service.TrackerCount);

        Assert.Null(await service.ResolveAsync(new HttpConnection(WheelId), TimeSpan.FromMilliseconds(1)));
        Assert.Equal(0, service.TrackerCount);
    }
}
