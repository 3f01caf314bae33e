using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Csw.Params;
using Csw.TestKit;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Remote;

/// <summary>CSW's wire format on the endpoint, and bad input: each gets a clear error, and the endpoint goes on serving.</summary>
public sealed class EndpointInputTests : ComponentTestKit, IAsyncLifetime
{
    private const string SubmitJson = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.client","commandName":"complete","paramSet":[]}}""";

    private readonly ContractHcdControl _hcd = new();

    private readonly RemoteComponent _remote = new();

    private readonly HttpClient _http = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _remote.DisposeAsync();
    }

    [Fact]
    public async Task Post_CswSubmit_AnswersCswCompleted()
    {
        var endpoint = await StartAsync();
        using var response = await PostAsync(endpoint, SubmitJson);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Completed", body.RootElement.GetProperty("_type").GetString());
        Assert.True(Guid.TryParse(body.RootElement.GetProperty("runId").GetString(), out _));
    }

    [Fact]
    public async Task Post_CswQueryOfUnknownRunId_AnswersCswInvalidIdNotAvailable()
    {
        var endpoint = await StartAsync();
        using var response = await PostAsync(endpoint, """{"_type":"Query","runId":"no-such-run"}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Invalid", body.RootElement.GetProperty("_type").GetString());
        Assert.Equal("no-such-run", body.RootElement.GetProperty("runId").GetString());
        Assert.Equal("IdNotAvailableIssue", body.RootElement.GetProperty("issue").GetProperty("_type").GetString());
    }

    [Fact]
    public async Task Post_SubmitWithIdempotencyKeyTwice_SameAnswerAndRunsOnce()
    {
        var endpoint = await StartAsync();
        string? first = null;
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.Uri, CommandEndpoint.PostPath)) { Content = new StringContent(SubmitJson, Encoding.UTF8, "application/json") };
            request.Headers.Add(CommandEndpoint.RequestIdHeader, "key-1");
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(first ?? body, body);
            first = body;
        }
        Assert.Single(_hcd.Submitted);
    }

    [Fact]
    public async Task Post_IdempotencyKeyTooLong_400()
    {
        var endpoint = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.Uri, CommandEndpoint.PostPath)) { Content = new StringContent(SubmitJson, Encoding.UTF8, "application/json") };
        request.Headers.Add(CommandEndpoint.RequestIdHeader, new string('k', 201));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_hcd.Submitted);
    }

    [Theory]
    [InlineData("""{"_type":"Submit","controlCommand":""", "malformed")]
    [InlineData("""{"_type":"Launch","controlCommand":{}}""", "Launch")]
    [InlineData("""{"_type":"Submit","controlCommand":{"_type":"Setup","source":"nonsense","commandName":"x","paramSet":[]}}""", "controlCommand.source")]
    [InlineData("", "empty")]
    public async Task Post_BadInput_400WithServiceErrorNamingTheProblemAndServesOthers(string json, string named)
    {
        var endpoint = await StartAsync();
        using var response = await PostAsync(endpoint, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (errorName, message) = await ErrorOfAsync(response);
        Assert.Equal("BadRequest", errorName);
        Assert.Contains(named, message, StringComparison.OrdinalIgnoreCase);

        using var next = await PostAsync(endpoint, SubmitJson);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413()
    {
        var endpoint = await StartAsync(CommandEndpointOptions.Default with { MaxRequestBytes = 4096 });
        using var response = await PostAsync(endpoint, SubmitJson.Replace("\"complete\"", "\"" + new string('x', 10_000) + "\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", (await ErrorOfAsync(response)).Name);
    }

    [Fact]
    public async Task Get_PostEndpointOrUnknownPath_405And404()
    {
        var endpoint = await StartAsync();
        using var get = await _http.GetAsync(new Uri(endpoint.Uri, CommandEndpoint.PostPath));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var unknown = await _http.GetAsync(new Uri(endpoint.Uri, "/nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(CommandEndpoint.PostPath, (await ErrorOfAsync(unknown)).Message);
    }

    [Fact]
    public async Task Endpoint_Default_ListensOnLoopbackOnly()
    {
        var endpoint = await StartAsync();
        Assert.Equal("127.0.0.1", endpoint.Uri.Host);
    }

    [Fact]
    public async Task Token_MissingOrWrong_401OnPostAndWebSockets()
    {
        var endpoint = await StartAsync(CommandEndpointOptions.Default.WithToken("s3cret"));
        using var missing = await PostAsync(endpoint, SubmitJson);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var wrong = await PostAsync(endpoint, SubmitJson, "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await PostAsync(endpoint, SubmitJson, "s3cret");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        foreach (var path in new[] { CommandEndpoint.WebSocketPath, CommandEndpoint.SessionPath })
        {
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketUri(endpoint, path), default));
            Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        }
    }

    [Theory]
    [InlineData(RemoteComponent.Protocol.Session)]
    [InlineData(RemoteComponent.Protocol.Csw)]
    public async Task Token_Client_WithoutTokenRefusedWithTokenServed(RemoteComponent.Protocol protocol)
    {
        var service = await _remote.StartAsync(Sys, _hcd, new CommandServiceOptions { Token = "s3cret" }, protocol, CommandEndpointOptions.Default.WithToken("s3cret"));
        Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "complete")));
        var stranger = _remote.Connect(protocol);
        var error = await Assert.ThrowsAsync<CommandServiceException>(() => stranger.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "complete")));
        Assert.Equal("Unauthorized", error.ErrorName);
    }

    [Theory]
    [InlineData(CommandEndpoint.WebSocketPath, "not json at all", WebSocketCloseStatus.InvalidPayloadData, "QueryFinal")]
    [InlineData(CommandEndpoint.WebSocketPath, """{"_type":"Launch"}""", WebSocketCloseStatus.InvalidPayloadData, "Launch")]
    [InlineData(CommandEndpoint.SessionPath, "not json at all", WebSocketCloseStatus.InvalidPayloadData, "JSON")]
    [InlineData(CommandEndpoint.SessionPath, """{"launch":{}}""", WebSocketCloseStatus.InvalidPayloadData, "no id")]
    public async Task WebSocket_Garbage_ClosedWithAReason(string path, string message, WebSocketCloseStatus status, string named)
    {
        var endpoint = await StartAsync();
        using var socket = await ConnectAsync(endpoint, path);
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
        var (closeStatus, reason) = await ReadUntilClosedAsync(socket);
        Assert.Equal(status, closeStatus);
        Assert.Contains(named, reason, StringComparison.OrdinalIgnoreCase);

        using var next = await PostAsync(endpoint, SubmitJson);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData(CommandEndpoint.WebSocketPath)]
    [InlineData(CommandEndpoint.SessionPath)]
    public async Task WebSocket_FrameOverTheLimit_ClosedAsTooBig(string path)
    {
        var endpoint = await StartAsync(CommandEndpointOptions.Default with { MaxFrameBytes = 4096 });
        using var socket = await ConnectAsync(endpoint, path);
        await socket.SendAsync(new byte[10_000], WebSocketMessageType.Text, true, default);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, (await ReadUntilClosedAsync(socket)).Status);
    }

    [Theory]
    [InlineData(CommandEndpoint.WebSocketPath)]
    [InlineData(CommandEndpoint.SessionPath)]
    public async Task WebSocket_SilentClient_ClosedAfterTheFirstMessageTimeout(string path)
    {
        var endpoint = await StartAsync(CommandEndpointOptions.Default with { FirstMessageTimeout = TimeSpan.FromMilliseconds(200) });
        using var socket = await ConnectAsync(endpoint, path);
        var (status, reason) = await ReadUntilClosedAsync(socket);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("No request", reason);
    }

    [Fact]
    public async Task Session_BadRequestInAnEnvelope_ErrorForThatIdAndTheSessionGoesOn()
    {
        var endpoint = await StartAsync();
        using var socket = await ConnectAsync(endpoint, CommandEndpoint.SessionPath);
        var frame = """[{"id":1,"request":{"_type":"Launch"}},{"id":2,"request":""" + SubmitJson + "}]";
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, default);
        var answers = new Dictionary<long, JsonElement>();
        while (answers.Count < 2)
        {
            foreach (var envelope in await ReceiveEnvelopesAsync(socket))
            {
                answers[envelope.GetProperty("id").GetInt64()] = envelope;
            }
        }
        Assert.Equal("BadRequest", answers[1].GetProperty("error").GetProperty("error_name").GetString());
        Assert.Contains("Launch", answers[1].GetProperty("error").GetProperty("error_message").GetString());
        Assert.Equal("Completed", answers[2].GetProperty("response").GetProperty("_type").GetString());
    }

    private async Task<CommandEndpoint> StartAsync(CommandEndpointOptions? options = null)
    {
        await _remote.StartAsync(Sys, _hcd, options?.Token is { } token ? new CommandServiceOptions { Token = token } : null, RemoteComponent.Protocol.Csw, options);
        return _remote.Endpoint!;
    }

    private async Task<HttpResponseMessage> PostAsync(CommandEndpoint endpoint, string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.Uri, CommandEndpoint.PostPath)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _http.SendAsync(request);
    }

    private static async Task<(string Name, string Message)> ErrorOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("GenericError", Assert.Single(response.Headers.GetValues("Error-Type")));
        return (body.RootElement.GetProperty("error_name").GetString()!, body.RootElement.GetProperty("error_message").GetString()!);
    }

    private static Uri WebSocketUri(CommandEndpoint endpoint, string path) => new($"ws://127.0.0.1:{endpoint.Port}{path}");

    private static async Task<ClientWebSocket> ConnectAsync(CommandEndpoint endpoint, string path)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketUri(endpoint, path), default);
        return socket;
    }

    private static async Task<(WebSocketCloseStatus? Status, string Reason)> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        var buffer = new byte[16 * 1024];
        while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
        {
        }
        return (socket.CloseStatus, socket.CloseStatusDescription ?? "");
    }

    private static async Task<List<JsonElement>> ReceiveEnvelopesAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        var root = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement;
        return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
    }
}
