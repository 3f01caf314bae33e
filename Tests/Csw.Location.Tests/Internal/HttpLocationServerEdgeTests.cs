using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Csw.Location.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>What keeps web pages out of the location server, where it agrees to listen, and its limits on connections and WebSockets.</summary>
public sealed class HttpLocationServerEdgeTests : IAsyncLifetime
{
    private const string UnregisterAll = """{"_type":"UnregisterAll"}""";
    private static readonly PekkoConnection Wheel = new(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD));

    private ServerHarness? _harness;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task PostEndpoint_UnregisterAllNotDeclaredJson_415AndNothingUnregistered(string? contentType)
    {
        var harness = await StartAsync();
        await harness.Backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(UnregisterAll));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await harness.Http.PostAsync(harness.PostUri, content);

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Contains("application/json", (await RawResponse.ReadAsync(response)).ErrorMessage);
        Assert.NotNull(await harness.Backend.FindAsync(Wheel));
    }

    [Fact]
    public async Task PostEndpoint_ForeignOrigin_403AndNothingUnregistered()
    {
        var harness = await StartAsync();
        await harness.Backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.PostUri) { Content = new StringContent(UnregisterAll, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://evil.example.com");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.NotNull(await harness.Backend.FindAsync(Wheel));
    }

    [Fact]
    public async Task WebSocketEndpoint_ForeignOrigin_HandshakeRefusedWith403()
    {
        var harness = await StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", "http://localhost:3000");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new UriBuilder(harness.WebSocketUri) { Query = $"track={Wheel.Name}" }.Uri, default));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.Equal(0, harness.Backend.TrackerCount);
    }

    [Fact]
    public async Task Requests_AllowedOrigin_Served()
    {
        var harness = await StartAsync(LocationServerOptions.Default.WithAllowedOrigins("https://ops.example.org"));
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.PostUri) { Content = new StringContent(UnregisterAll, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://ops.example.org");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("bearer s3cret")]
    [InlineData("BEARER s3cret")]
    public async Task PostEndpoint_TokenSchemeInAnotherCase_Served(string authorization)
    {
        var harness = await StartAsync(LocationServerOptions.Default.WithToken("s3cret"));
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.PostUri) { Content = new StringContent(UnregisterAll, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_EveryAddressWithoutToken_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(0).WithBindAddress(IPAddress.Any)));

        Assert.Contains("without a token", error.Message);
    }

    [Fact]
    public async Task StartAsync_EveryAddressInsecure_Starts()
    {
        await using var server = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(0).WithBindAddress(IPAddress.Any).WithInsecure(true));

        Assert.NotEqual(0, server.Port);
    }

    [Fact]
    public async Task Connections_OverTheLimit_503TooManyConnectionsAndServedAgainWhenOneCloses()
    {
        var harness = await StartAsync(LocationServerOptions.Default with { MaxConnections = 2 });
        var idle1 = await harness.ConnectTcpAsync();
        using var idle2 = await harness.ConnectTcpAsync();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2, harness.Server.OpenConnections));

        using (var http = new HttpClient())
        using (var refused = await http.PostAsync(harness.PostUri, new StringContent(UnregisterAll, Encoding.UTF8, "application/json")))
        {
            var answer = await RawResponse.ReadAsync(refused);
            Assert.Equal(503, answer.Status);
            Assert.Contains("2 connections", answer.ErrorMessage);
        }

        idle1.Dispose();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, harness.Server.OpenConnections));
        using var http2 = new HttpClient();
        using var served = await http2.PostAsync(harness.PostUri, new StringContent(UnregisterAll, Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)served.StatusCode);
    }

    [Fact]
    public async Task WebSockets_OverTheLimit_503TooManyWebSocketsAndServedAgainWhenOneCloses()
    {
        var harness = await StartAsync(LocationServerOptions.Default with { MaxWebSockets = 1 });
        var first = await harness.ConnectAsync($"track={Wheel.Name}");
        using (var second = new ClientWebSocket())
        {
            second.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(new UriBuilder(harness.WebSocketUri) { Query = $"track={Wheel.Name}" }.Uri, default));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatusCode);
        }
        await harness.AssertServesOthersAsync();

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "", default);
        first.Dispose();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, harness.Server.OpenWebSockets));
        using var third = await harness.ConnectAsync($"track={Wheel.Name}");
        await harness.Backend.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://here/wheel")));
        Assert.Contains("LocationUpdated", await third.ReceiveTextAsync());
    }

    private async Task<ServerHarness> StartAsync(LocationServerOptions? options = null) => _harness = await ServerHarness.StartAsync(options);
}
