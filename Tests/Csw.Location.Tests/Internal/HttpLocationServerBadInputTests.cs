using Csw.Tests.Shared;
using System.Net.WebSockets;
using System.Text;
using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>
/// Bad input on each endpoint gets a specific answer (400 naming the JSON path, 405, 404, 413, a
/// WebSocket close saying why), and the server goes on serving another client meanwhile.
/// </summary>
public sealed class HttpLocationServerBadInputTests : IAsyncLifetime
{
    private const string WheelName = "TCS.filter.wheel-HCD-pekko";
    private const string Connection = """{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"pekko"}""";

    private ServerHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServerHarness.StartAsync(LocationServerOptions.Default
        .WithMaxRequestBytes(4096).WithMaxFrameBytes(1024).WithRequestTimeout(TimeSpan.FromSeconds(1)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("{\"_type\":\"Find\",", "malformed JSON")]
    [InlineData("{\"_type\":\"Find\",\"connection\":{\"prefix\":\"TCS.filter.wheel\",\"compo", "malformed JSON")]
    [InlineData("", "the input is empty")]
    [InlineData("[1,2]", "$: ")]
    [InlineData("{\"_type\":\"Launch\"}", "$._type")]
    [InlineData("{\"connection\":" + Connection + "}", "_type")]
    [InlineData("{\"_type\":\"Find\"}", "connection")]
    [InlineData("{\"_type\":\"Find\",\"connection\":{\"prefix\":\"TCS.filter.wheel\",\"componentType\":\"Telescope\",\"connectionType\":\"pekko\"}}", "$.connection.componentType")]
    [InlineData("{\"_type\":\"Register\",\"registration\":{\"_type\":\"HttpRegistration\",\"connection\":{\"prefix\":\"TCS.filter.wheel\",\"componentType\":\"HCD\",\"connectionType\":\"http\"},\"port\":\"2090\",\"path\":\"p\"}}", "$.registration.port")]
    [InlineData("{\"_type\":\"Resolve\",\"connection\":" + Connection + ",\"within\":5}", "$.within")]
    [InlineData("{\"_type\":\"ListByPrefix\",\"prefix\":42}", "$.prefix")]
    public async Task PostEndpoint_BadRequest_Answers400NamingTheProblem(string body, string named)
    {
        var answer = await _harness.PostAsync(body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("BadRequest", answer.Json["error_name"]!.GetValue<string>());
        Assert.Contains(named, answer.ErrorMessage);
        await _harness.AssertServesOthersAsync();
    }

    [Fact]
    public async Task PostEndpoint_NegativeResolveWithin_Answers400()
    {
        var answer = await _harness.PostAsync("{\"_type\":\"Resolve\",\"connection\":" + Connection + ",\"within\":\"-5 seconds\"}");

        Assert.Equal(400, answer.Status);
        Assert.Contains("Resolve", answer.ErrorMessage);
    }

    [Fact]
    public async Task PostEndpoint_BodyOverTheLimit_Answers413()
    {
        var answer = await _harness.PostAsync("{\"_type\":\"ListByPrefix\",\"prefix\":\"" + new string('x', 5000) + "\"}");

        Assert.Equal(413, answer.Status);
        Assert.Contains("limit of 4096 bytes", answer.ErrorMessage);
        await _harness.AssertServesOthersAsync();
    }

    [Fact]
    public async Task PostEndpoint_ChunkedBodyOverTheLimit_Answers413()
    {
        var content = new StreamContent(new MemoryStream(new byte[10_000]));
        content.Headers.ContentLength = null;
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _harness.PostUri) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _harness.Http.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
        await _harness.AssertServesOthersAsync();
    }

    [Fact]
    public async Task PostEndpoint_GetInsteadOfPost_Answers405()
    {
        using var response = await _harness.Http.GetAsync(_harness.PostUri);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Contains("POST", (await RawResponse.ReadAsync(response)).ErrorMessage);
    }

    [Fact]
    public async Task UnknownPath_Answers404NamingTheEndpoints()
    {
        using var response = await _harness.Http.GetAsync(new Uri(_harness.Server.Uri, "nothing-here"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("/post-endpoint", (await RawResponse.ReadAsync(response)).ErrorMessage);
    }

    [Fact]
    public async Task PostEndpoint_BodyStalls_Answers408WhileOthersAreServed()
    {
        using var tcp = await _harness.ConnectTcpAsync();
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /post-endpoint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"_type\":"));

        await _harness.AssertServesOthersAsync();
        var answer = await ReadToEndAsync(stream);

        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("did not arrive within 1 s", answer);
    }

    [Fact]
    public async Task Server_HeadersStall_ConnectionDroppedWhileOthersAreServed()
    {
        using var tcp = await _harness.ConnectTcpAsync();
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /post-endpoint HTTP/1.1\r\nHost: x\r\n"));

        await _harness.AssertServesOthersAsync();

        // Kestrel's header timeout ends the connection (with or without a 408).
        var answer = await ReadToEndAsync(stream);
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task WebSocketEndpoint_PlainGet_Answers400()
    {
        using var response = await _harness.Http.GetAsync(_harness.WebSocketUri.ToString().Replace("ws://", "http://", StringComparison.Ordinal));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("WebSocket", (await RawResponse.ReadAsync(response)).ErrorMessage);
    }

    [Fact]
    public async Task WebSocketEndpoint_BadTrackQuery_HandshakeRefusedWith400()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => _harness.ConnectAsync("track=no-such-thing"));

        Assert.Contains("400", error.Message);
        await _harness.AssertServesOthersAsync();
    }

    [Theory]
    [InlineData("{\"_type\":\"Track\"", "malformed JSON")]
    [InlineData("{\"_type\":\"Follow\",\"connection\":" + Connection + "}", "$._type")]
    [InlineData("{\"_type\":\"Track\",\"connection\":{\"prefix\":7,\"componentType\":\"HCD\",\"connectionType\":\"pekko\"}}", "$.connection.prefix")]
    [InlineData("nonsense", "malformed JSON")]
    public async Task WebSocketEndpoint_BadTrackRequest_ErrorMessageThenClose1008(string request, string named)
    {
        using var socket = await _harness.ConnectAsync();

        await socket.SendTextAsync(request);

        Assert.Contains(named, await socket.ReceiveTextAsync());
        var (status, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("not a Track request", reason);
        await _harness.AssertServesOthersAsync();
    }

    [Fact]
    public async Task WebSocketEndpoint_MessageOverTheLimit_Close1009()
    {
        using var socket = await _harness.ConnectAsync();

        await socket.SendTextAsync("{\"_type\":\"Track\",\"pad\":\"" + new string('x', 5000) + "\"}");

        var (status, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Contains("limit of 1024 bytes", reason);
        await _harness.AssertServesOthersAsync();
    }

    [Fact]
    public async Task WebSocketEndpoint_BinaryMessage_Close1003()
    {
        using var socket = await _harness.ConnectAsync();

        await socket.SendAsync(new byte[] { 0xa1, 0x01 }, WebSocketMessageType.Binary, true, CancellationToken.None);

        var (status, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, status);
        Assert.Contains("JSON text", reason);
    }

    [Fact]
    public async Task WebSocketEndpoint_NothingSent_ClosedAfterTheRequestTimeoutWhileOthersAreServed()
    {
        using var socket = await _harness.ConnectAsync();

        await _harness.AssertServesOthersAsync();

        var (status, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("no Track request within 1 s", reason);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _harness.Backend.TrackerCount));
    }

    [Fact]
    public async Task WebSocketEndpoint_ClientCloses_TrackerEnds()
    {
        using var socket = await _harness.ConnectAsync($"track={WheelName}");
        Assert.Equal(1, _harness.Backend.TrackerCount);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _harness.Backend.TrackerCount));
    }

    [Fact]
    public async Task WebSocketEndpoint_ClientStopsAnsweringPings_DroppedByTheKeepAlive()
    {
        await using var harness = await ServerHarness.StartAsync(LocationServerOptions.Default.WithWebSocketKeepAlive(TimeSpan.FromMilliseconds(300)));
        using var tcp = await harness.ConnectTcpAsync();
        var stream = tcp.GetStream();
        // A hand-made upgrade: after it this client reads nothing and answers no ping, as a half-open peer.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /websocket-endpoint?track={WheelName} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var handshake = new byte[1024];
        var read = await stream.ReadAsync(handshake).AsTask().WaitAsync(TestTime.DefaultTimeout);
        Assert.StartsWith("HTTP/1.1 101", Encoding.ASCII.GetString(handshake, 0, read));
        Assert.Equal(1, harness.Backend.TrackerCount);

        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, harness.Backend.TrackerCount), TestTime.Scale(TimeSpan.FromSeconds(10)));
        await harness.AssertServesOthersAsync();
    }

    /// <summary>Everything the server sends until it closes the connection, bounded by the test timeout.</summary>
    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TestTime.Scale(TimeSpan.FromSeconds(10)));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer is as good as a close.
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
