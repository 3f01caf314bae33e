using System.Net;
using System.Net.Sockets;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Tests.Internal;

/// <summary>What only the HTTP client promises: clear errors when the server is down, slow or gone, and its own limits.</summary>
public sealed class HttpLocationClientTests
{
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));
    private static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/wheel"));

    [Fact]
    public async Task Calls_ServerDown_ThrowLocationServerExceptionNamingTheUri()
    {
        var down = new Uri($"http://127.0.0.1:{FreePort()}/");
        var service = LocationServiceFactory.CreateHttpClient(down);

        foreach (var call in new Func<Task>[] { () => service.FindAsync(Wheel), () => service.RegisterAsync(WheelHere), () => service.ListAsync(), () => service.UnregisterAllAsync() })
        {
            var error = await Assert.ThrowsAsync<LocationServerException>(call);
            Assert.IsAssignableFrom<LocationServiceException>(error);
            Assert.Null(error.StatusCode);
            Assert.Equal(down, error.ServerUri);
            Assert.Contains($"location server at {down} could not be reached", error.Message);
        }
    }

    [Fact]
    public async Task Track_ServerDown_ThrowsLocationServerExceptionNamingTheUri()
    {
        var down = new Uri($"http://127.0.0.1:{FreePort()}/");

        var error = await Assert.ThrowsAsync<LocationServerException>(async () => await LocationServiceFactory.CreateHttpClient(down).Track(Wheel).GetAsyncEnumerator().MoveNextAsync());

        Assert.Contains($"location server at {down} could not be reached to track {Wheel.Name}", error.Message);
    }

    [Fact]
    public async Task Subscribe_ServerDown_LogsAWarningNamingTheUri()
    {
        using var logs = new CapturingLoggerFactory();
        var down = new Uri($"http://127.0.0.1:{FreePort()}/");

        using var subscription = LocationServiceFactory.CreateHttpClient(down, LocationClientOptions.Default.WithLoggerFactory(logs)).Subscribe(Wheel, _ => { });

        await TestWaits.AwaitAssertAsync(() => Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Exception?.Message.Contains(down.ToString(), StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task ListAsync_AnswerOverMaxMessageBytes_LocationServerException()
    {
        await using var harness = await ServerHarness.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await harness.Backend.RegisterAsync(new PekkoRegistration(new PekkoConnection(new ComponentId(Prefix.Parse($"TCS.filter.wheel{i}"), ComponentType.HCD)), new Uri($"csw://here/wheel{i}")));
        }
        var service = LocationServiceFactory.CreateHttpClient(harness.Server.Uri, LocationClientOptions.Default with { MaxMessageBytes = 1024 });

        await Assert.ThrowsAsync<LocationServerException>(() => service.ListAsync());
        Assert.Single(await LocationServiceFactory.CreateHttpClient(harness.Server.Uri, LocationClientOptions.Default with { MaxMessageBytes = 1024 }).ListByPrefixAsync("TCS.filter.wheel5"));
    }

    [Fact]
    public async Task Track_ServerStops_StreamFailsSayingTheServerEndedIt()
    {
        await using var harness = await ServerHarness.StartAsync();
        var service = LocationServiceFactory.CreateHttpClient(harness.Server.Uri);
        await service.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = service.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await changes.MoveNextAsync());

        await harness.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<LocationServerException>(async () => await changes.MoveNextAsync());
        Assert.Contains("stopping", error.Message);
    }

    [Fact]
    public async Task FindAsync_ServerNeverAnswers_ThrowsAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var uri = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
        var service = LocationServiceFactory.CreateHttpClient(uri, LocationClientOptions.Default.WithTimeout(TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<LocationServerException>(() => service.FindAsync(Wheel));

        Assert.Contains($"location server at {uri} did not answer a Find request within 0.3 s", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_WithinLongerThanTheTimeout_WaitsForTheWholeWithin()
    {
        await using var harness = await ServerHarness.StartAsync();
        var service = LocationServiceFactory.CreateHttpClient(harness.Server.Uri, LocationClientOptions.Default.WithTimeout(TimeSpan.FromMilliseconds(200)));

        var resolving = service.ResolveAsync(Wheel, TimeSpan.FromSeconds(30));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, harness.Backend.TrackerCount));
        await harness.Backend.RegisterAsync(WheelHere);

        Assert.Equal(new PekkoLocation(Wheel, WheelHere.ActorRefUri), await resolving.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task ResolveAsync_Cancelled_ServerStopsWaiting()
    {
        await using var harness = await ServerHarness.StartAsync();
        var service = LocationServiceFactory.CreateHttpClient(harness.Server.Uri);
        using var cancel = new CancellationTokenSource();
        var resolving = service.ResolveAsync(Wheel, TimeSpan.FromSeconds(30), cancel.Token);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, harness.Backend.TrackerCount));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving.WaitAsync(TestTime.DefaultTimeout));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, harness.Backend.TrackerCount));
    }

    [Fact]
    public async Task ResolveAsync_ServerStops_FailsWith503()
    {
        await using var harness = await ServerHarness.StartAsync();
        var service = LocationServiceFactory.CreateHttpClient(harness.Server.Uri);
        var resolving = service.ResolveAsync(Wheel, TimeSpan.FromSeconds(30));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, harness.Backend.TrackerCount));

        await harness.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<LocationServerException>(() => resolving.WaitAsync(TestTime.DefaultTimeout));
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("stopping", error.Message);
    }

    [Fact]
    public async Task RegisterAsync_ThroughTheServer_HeldByTheServersBackend()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = LocationServiceFactory.CreateHttpClient(harness.Server.Uri);

        await client.RegisterAsync(WheelHere);
        await ((IAsyncDisposable)client).DisposeAsync();

        Assert.Equal(new PekkoLocation(Wheel, WheelHere.ActorRefUri), await harness.Backend.FindAsync(Wheel));
    }

    [Fact]
    public async Task DisposeAsync_ThenACall_ThrowsObjectDisposed()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = LocationServiceFactory.CreateHttpClient(harness.Server.Uri);

        await ((IAsyncDisposable)client).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.FindAsync(Wheel));
    }

    public static TheoryData<Exception> DomainErrors => new()
    {
        new RegistrationFailedException("disk full"),
        new UnregistrationFailedException(Wheel),
        new RegistrationListingFailedException(),
        new OtherLocationIsRegisteredException("taken"),
    };

    [Theory]
    [MemberData(nameof(DomainErrors))]
    public async Task Calls_BackendThrowsALocationServiceError_ClientThrowsTheSameType(Exception thrown)
    {
        await using var server = await LocationServer.StartAsync(new FailingLocationService(() => thrown), LocationServerOptions.Default.WithPort(0));
        var service = LocationServiceFactory.CreateHttpClient(server.Uri);

        var error = await Assert.ThrowsAnyAsync<LocationServiceException>(() => service.RegisterAsync(WheelHere));

        Assert.IsType(thrown.GetType(), error);
        Assert.Equal(thrown.Message, error.Message);
    }

    [Fact]
    public async Task Calls_BackendFailsOtherwise_ClientThrowsLocationServerException500AndTheServerLogsIt()
    {
        using var logs = new CapturingLoggerFactory();
        await using var server = await LocationServer.StartAsync(new FailingLocationService(() => new InvalidOperationException("store corrupt")),
            LocationServerOptions.Default.WithPort(0).WithLoggerFactory(logs));
        var service = LocationServiceFactory.CreateHttpClient(server.Uri);

        var error = await Assert.ThrowsAsync<LocationServerException>(() => service.ListAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("InvalidOperationException: ListEntries failed: store corrupt", error.Message);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "store corrupt");
    }

    [Fact]
    public async Task Track_BackendCannotTrack_ClientThrowsLocationServerException500()
    {
        await using var server = await LocationServer.StartAsync(new FailingLocationService(() => new InvalidOperationException("no watch")), LocationServerOptions.Default.WithPort(0));
        var service = LocationServiceFactory.CreateHttpClient(server.Uri);

        var error = await Assert.ThrowsAsync<LocationServerException>(async () => await service.Track(Wheel).GetAsyncEnumerator().MoveNextAsync());

        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task WebSocketEndpoint_BackendCannotTrackACswTrackRequest_ErrorMessageThenClose1011()
    {
        await using var server = await LocationServer.StartAsync(new FailingLocationService(() => new InvalidOperationException("no watch")), LocationServerOptions.Default.WithPort(0));
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/websocket-endpoint"), CancellationToken.None).WaitAsync(TestTime.DefaultTimeout);

        await socket.SendTextAsync(LocationJson.Serialize<Messages.LocationStreamRequest>(new Messages.Track(Wheel)));

        Assert.Contains("no watch", await socket.ReceiveTextAsync());
        var (status, _) = await socket.ReceiveCloseAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, status);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:7654/")]
    [InlineData("/relative")]
    public void CreateHttpClient_NotAnHttpAddress_ThrowsArgument(string uri)
    {
        Assert.Throws<ArgumentException>(() => LocationServiceFactory.CreateHttpClient(new Uri(uri, UriKind.RelativeOrAbsolute)));
    }

    /// <summary>A port nothing listens on (free a moment ago).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
