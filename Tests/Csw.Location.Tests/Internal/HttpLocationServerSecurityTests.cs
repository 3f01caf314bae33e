using Csw.Tests.Shared;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Net.WebSockets;
using Csw.Location.Tests.Support;
using Csw.Params;

namespace Csw.Location.Tests.Internal;

/// <summary>The location server's token on both endpoints, and where it listens.</summary>
public sealed class HttpLocationServerSecurityTests : IAsyncLifetime
{
    private const string Token = "s3cret-token";
    private const string Find = """{"_type":"Find","connection":{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"pekko"}}""";
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));

    private ServerHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServerHarness.StartAsync(LocationServerOptions.Default.WithToken(Token));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PostEndpoint_TokenMissing_Answers401TokenMissing()
    {
        var answer = await _harness.PostAsync(Find);

        Assert.Equal((401, "TokenMissingError"), (answer.Status, answer.ErrorType));
        Assert.Contains("Authorization: Bearer", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("s3cret-token-and-more")]
    public async Task PostEndpoint_WrongToken_Answers401AuthenticationFailed(string token)
    {
        var answer = await _harness.PostAsync(Find, token);

        Assert.Equal((401, "AuthenticationError"), (answer.Status, answer.ErrorType));
        Assert.Contains("bearer token", answer.ErrorMessage);
    }

    [Fact]
    public async Task PostEndpoint_RightToken_Answered()
    {
        var answer = await _harness.PostAsync(Find, Token);

        Assert.Equal((200, "[]"), (answer.Status, answer.Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task WebSocketEndpoint_TokenMissingOrWrong_HandshakeRefusedWith401(string? token)
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => _harness.ConnectAsync(token: token));

        Assert.Contains("401", error.Message);
        Assert.Equal(0, _harness.Backend.TrackerCount);
    }

    [Fact]
    public async Task WebSocketEndpoint_RightToken_Tracks()
    {
        using var socket = await _harness.ConnectAsync($"track={Wheel.Name}", Token);

        await _harness.Backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));

        Assert.Contains("LocationUpdated", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task HttpClient_RightToken_RegistersAndTracks()
    {
        await using var client = (IAsyncDisposable)LocationServiceFactory.CreateHttpClient(_harness.Server.Uri, LocationClientOptions.Default.WithToken(Token));
        var service = (ILocationService)client;
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = service.Track(Wheel, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = changes.MoveNextAsync().AsTask();

        var result = await service.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));

        Assert.True(await first.WaitAsync(TestTime.DefaultTimeout));
        Assert.Equal(new LocationUpdated(result.Location), changes.Current);
    }

    [Fact]
    public async Task HttpClient_WrongToken_CallsAndTrackingFailWith401()
    {
        await using var client = (IAsyncDisposable)LocationServiceFactory.CreateHttpClient(_harness.Server.Uri, LocationClientOptions.Default.WithToken("wrong-token"));
        var service = (ILocationService)client;

        var refused = await Assert.ThrowsAsync<LocationServerException>(() => service.FindAsync(Wheel));
        Assert.Equal(401, refused.StatusCode);
        Assert.Contains(_harness.Server.Uri.ToString(), refused.Message);
        var trackRefused = await Assert.ThrowsAsync<LocationServerException>(async () => await service.Track(Wheel).GetAsyncEnumerator().MoveNextAsync());
        Assert.Equal(401, trackRefused.StatusCode);
    }

    [Fact]
    public void Defaults_CswPortOnLoopbackWithoutToken()
    {
        Assert.Equal(7654, LocationServerOptions.Default.Port);
        Assert.Equal(IPAddress.Loopback, LocationServerOptions.Default.BindAddress);
        Assert.Null(LocationServerOptions.Default.Token);
    }

    [Fact]
    public async Task StartAsync_DefaultAddress_ListensOnLoopbackOnly()
    {
        await using var server = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(0));

        Assert.Equal("127.0.0.1", server.Uri.Host);
        foreach (var address in NonLoopbackAddresses())
        {
            using var tcp = new TcpClient(address.AddressFamily);
            await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(address, server.Port).WaitAsync(TestTime.DefaultTimeout));
        }
    }

    [Fact]
    public async Task StartAsync_AnyAddress_ServesEveryAddressAndReportsLoopback()
    {
        await using var server = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(),
            LocationServerOptions.Default.WithPort(0).WithBindAddress(IPAddress.Any).WithToken(Token));

        Assert.Equal("127.0.0.1", server.Uri.Host);
        foreach (var address in NonLoopbackAddresses())
        {
            var client = LocationServiceFactory.CreateHttpClient(new Uri($"http://{address}:{server.Port}/"), LocationClientOptions.Default.WithToken(Token));
            Assert.Empty(await client.ListAsync());
        }
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsIOExceptionNamingTheAddress()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(_harness.Server.Port)));

        Assert.Contains($"127.0.0.1:{_harness.Server.Port}", error.Message);
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
