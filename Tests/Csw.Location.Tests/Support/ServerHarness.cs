using Csw.Tests.Shared;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Csw.Location.Internal;

namespace Csw.Location.Tests.Support;

/// <summary>A location server on a free loopback port over an embedded backend, and raw ways to talk to it.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private ServerHarness(EmbeddedLocationService backend, LocationServer server)
    {
        Backend = backend;
        Server = server;
        PostUri = new Uri(server.Uri, "post-endpoint");
        WebSocketUri = new UriBuilder(server.Uri) { Scheme = "ws", Path = "websocket-endpoint" }.Uri;
    }

    public EmbeddedLocationService Backend { get; }

    public LocationServer Server { get; }

    public Uri PostUri { get; }

    public Uri WebSocketUri { get; }

    public HttpClient Http { get; } = new() { Timeout = TestTime.DefaultTimeout };

    public static async Task<ServerHarness> StartAsync(LocationServerOptions? options = null)
    {
        var backend = (EmbeddedLocationService)LocationServiceFactory.CreateEmbedded();
        var server = await LocationServer.StartAsync(backend, (options ?? LocationServerOptions.Default).WithPort(0));
        return new ServerHarness(backend, server);
    }

    /// <summary>Posts <paramref name="json"/> as it is, with the token if given.</summary>
    public async Task<RawResponse> PostAsync(string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PostUri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await Http.SendAsync(request);
        return await RawResponse.ReadAsync(response);
    }

    /// <summary>Asserts that another client is served normally, e.g. while a misbehaving one is connected.</summary>
    public async Task AssertServesOthersAsync(string? token = null)
    {
        var client = LocationServiceFactory.CreateHttpClient(Server.Uri, LocationClientOptions.Default.WithToken(token).WithTimeout(TestTime.DefaultTimeout));
        await using var _ = (IAsyncDisposable)client;
        var connection = new HttpConnection(new Params.ComponentId(Params.Prefix.Parse("TCS.other"), Params.ComponentType.HCD));
        var registered = await client.RegisterAsync(new HttpRegistration(connection, 9000));
        Assert.Equal(registered.Location, await client.FindAsync(connection));
        await registered.UnregisterAsync();
    }

    /// <summary>A WebSocket to the tracking endpoint, with an optional query and token.</summary>
    public async Task<ClientWebSocket> ConnectAsync(string query = "", string? token = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        await socket.ConnectAsync(new UriBuilder(WebSocketUri) { Query = query }.Uri, timeout.Token);
        return socket;
    }

    /// <summary>A raw TCP connection to the server, for clients that misbehave below HTTP.</summary>
    public async Task<TcpClient> ConnectTcpAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Uri.Host, Server.Port);
        return tcp;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>An HTTP answer as it came.</summary>
internal sealed record RawResponse(int Status, string? ErrorType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the body is JSON null");

    /// <summary>msocket's ServiceError message, asserting that the body is one.</summary>
    public string ErrorMessage => Json["error_message"]?.GetValue<string>() ?? throw new InvalidOperationException($"not a ServiceError: {Body}");

    public static async Task<RawResponse> ReadAsync(HttpResponseMessage response) =>
        new((int)response.StatusCode,
            response.Headers.TryGetValues("Error-Type", out var types) ? types.Single() : null,
            await response.Content.ReadAsStringAsync());
}
