using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Csw.Command.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>What keeps web pages and strangers out of a command endpoint, and its limit on WebSockets.</summary>
public sealed class EndpointHandlerTests : IAsyncLifetime
{
    private const string Submit = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.client","commandName":"complete","paramSet":[]}}""";

    private readonly HttpClient _http = new();

    private FakeEndpoint _endpoint = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Post_BodyNotDeclaredJson_415AndTheCommandIsNotRun(string? contentType)
    {
        _endpoint = await FakeEndpoint.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Submit));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await _http.PostAsync(_endpoint.PostUri, content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", (await ErrorOfAsync(response)).Name);
        Assert.Empty(_endpoint.Component.Received);
    }

    [Fact]
    public async Task Post_JsonWithCharset_Served()
    {
        _endpoint = await FakeEndpoint.StartAsync();
        using var response = await _http.PostAsync(_endpoint.PostUri, new StringContent(Submit, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForeignOrigin_403AndTheCommandIsNotRun()
    {
        _endpoint = await FakeEndpoint.StartAsync();
        using var response = await PostAsync(origin: "https://evil.example.com");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", (await ErrorOfAsync(response)).Name);
        Assert.Empty(_endpoint.Component.Received);
    }

    [Theory]
    [InlineData(CommandEndpoint.SessionPath)]
    [InlineData(CommandEndpoint.WebSocketPath)]
    public async Task WebSocket_ForeignOrigin_403(string path)
    {
        _endpoint = await FakeEndpoint.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", "http://localhost:8080");
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_endpoint.WebSocketUri(path), default));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Request_AllowedOrigin_Served()
    {
        _endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithAllowedOrigins("https://ops.example.org"));
        using var response = await PostAsync(origin: "https://ops.example.org");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var session = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath), options => options.SetRequestHeader("Origin", "https://OPS.example.org/"));
        await session.SendAsync($$"""{"id":1,"request":{{Submit}}}""");
        Assert.Equal("Completed", await session.ResponseTypeAsync(1));
    }

    [Theory]
    [InlineData("bearer s3cret")]
    [InlineData("BEARER s3cret")]
    public async Task Token_SchemeInAnotherCase_Served(string authorization)
    {
        _endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithToken("s3cret"));
        using var response = await PostAsync(authorization: authorization);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer s3cre")]
    [InlineData("Bearer s3cret-and-more")]
    [InlineData("Basic s3cret")]
    public async Task Token_Wrong_401(string authorization)
    {
        _endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithToken("s3cret"));
        using var response = await PostAsync(authorization: authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_endpoint.Component.Received);
    }

    [Fact]
    public async Task WebSockets_OverTheLimit_503TooManyWebSocketsAndServedAgainWhenOneCloses()
    {
        _endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default with { MaxWebSockets = 1 });
        var first = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
        using (var second = new ClientWebSocket())
        {
            second.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.WebSocketPath), default));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatusCode);
        }
        using (var post = await PostAsync())
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        await first.DisposeAsync();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Endpoint.OpenWebSockets));
        await using var third = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
        await third.SendAsync($$"""{"id":1,"request":{{Submit}}}""");
        Assert.Equal("Completed", await third.ResponseTypeAsync(1));
    }

    private async Task<HttpResponseMessage> PostAsync(string? origin = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint.PostUri) { Content = new StringContent(Submit, Encoding.UTF8, "application/json") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _http.SendAsync(request);
    }

    internal static async Task<(string Name, string Message)> ErrorOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("error_name").GetString()!, body.RootElement.GetProperty("error_message").GetString()!);
    }
}
