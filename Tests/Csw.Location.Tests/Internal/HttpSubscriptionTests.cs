using System.Threading.Channels;
using Csw.Location.Internal;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>A subscription through a location server outlives the server's restart, and reports what changed meanwhile once.</summary>
public sealed class HttpSubscriptionTests
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));

    [Fact]
    public async Task Subscribe_ServerRestartsAfterAnUpdate_ResumesWithTheUpdateMadeMeanwhileAndNoRepeat()
    {
        var backend = (EmbeddedLocationService)LocationServiceFactory.CreateEmbedded();
        var server = await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(0));
        var port = server.Port;
        var client = LocationServiceFactory.CreateHttpClient(server.Uri);
        var events = Channel.CreateUnbounded<TrackingEvent>();
        using var subscription = client.Subscribe(Wheel, change => events.Writer.TryWrite(change));
        var first = await backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel1")));
        Assert.Equal(new LocationUpdated(first.Location), await NextAsync(events));

        await server.DisposeAsync();
        await first.UnregisterAsync();
        var second = await backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel2")));
        await using (await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(port)))
        {
            Assert.Equal(new LocationUpdated(second.Location), await NextAsync(events));
            await second.UnregisterAsync();
            Assert.Equal(new LocationRemoved(Wheel), await NextAsync(events));
        }
        await ((IAsyncDisposable)client).DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_RemovedWhileTheServerWasDown_ReportsTheRemovalOnResuming()
    {
        var backend = (EmbeddedLocationService)LocationServiceFactory.CreateEmbedded();
        var server = await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(0));
        var port = server.Port;
        var client = LocationServiceFactory.CreateHttpClient(server.Uri);
        var events = Channel.CreateUnbounded<TrackingEvent>();
        using var subscription = client.Subscribe(Wheel, change => events.Writer.TryWrite(change));
        var registered = await backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
        Assert.IsType<LocationUpdated>(await NextAsync(events));

        await server.DisposeAsync();
        await registered.UnregisterAsync();
        await using (await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(port)))
        {
            Assert.Equal(new LocationRemoved(Wheel), await NextAsync(events));
            var again = await backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
            Assert.Equal(new LocationUpdated(again.Location), await NextAsync(events));
        }
        await ((IAsyncDisposable)client).DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_ServerRestartsWithNothingChanged_DoesNotReportTheCurrentLocationAgain()
    {
        var backend = (EmbeddedLocationService)LocationServiceFactory.CreateEmbedded();
        var server = await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(0));
        var port = server.Port;
        var client = LocationServiceFactory.CreateHttpClient(server.Uri);
        var events = Channel.CreateUnbounded<TrackingEvent>();
        using var subscription = client.Subscribe(Wheel, change => events.Writer.TryWrite(change));
        var registered = await backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
        Assert.IsType<LocationUpdated>(await NextAsync(events));

        await server.DisposeAsync();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, backend.TrackerCount));
        await using (await LocationServer.StartAsync(backend, LocationServerOptions.Default.WithPort(port)))
        {
            await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, backend.TrackerCount));
            await registered.UnregisterAsync();
            Assert.Equal(new LocationRemoved(Wheel), await NextAsync(events));
        }
        await ((IAsyncDisposable)client).DisposeAsync();
    }

    private static async Task<TrackingEvent> NextAsync(Channel<TrackingEvent> events)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        return await events.Reader.ReadAsync(timeout.Token);
    }
}
