using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;

namespace Csw.Tests.Shared.Fuzz;

/// <summary>
/// Sends mutated inputs to a live command endpoint and a live location server, and checks that each
/// is answered: an HTTP response; on a WebSocket a message or a close; in a session an envelope for
/// the input's id, or (for frames that are not the protocol's) the session's close or its answer
/// to the next request. Valid requests are checked after each batch.
/// </summary>
/// <param name="command">The command endpoint, e.g. <c>http://127.0.0.1:40000/</c>.</param>
/// <param name="location">The location server, e.g. <c>http://127.0.0.1:7654/</c>.</param>
/// <param name="answerTimeout">How long an input may wait for its answer; more than the component's own ask timeout.</param>
internal sealed class FuzzDriver(Uri command, Uri location, TimeSpan answerTimeout) : IDisposable
{
    private static readonly string[] ContentTypes = ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8", "application/csw+json"];

    private const string ValidSubmit = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.fuzz","commandName":"complete","paramSet":[]}}""";

    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = answerTimeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) }) { Timeout = answerTimeout };

    private readonly FuzzSeeds _seeds = FuzzSeeds.Load();

    private readonly Uri _command = command;

    private readonly Uri _location = location;

    private readonly TimeSpan _answerTimeout = answerTimeout;

    public FuzzTally Tally { get; } = new();

    /// <summary>Sends <paramref name="requests"/> inputs from <paramref name="workers"/> workers, checking valid requests after every <paramref name="batch"/>.</summary>
    public async Task RunAsync(int requests, int workers, int batch, int seed, Func<Task>? afterBatch = null)
    {
        var states = Enumerable.Range(0, workers).Select(w => new Worker(this, new Random(seed + w), 1_000_000_000_000L * (w + 1))).ToList();
        try
        {
            for (var sent = 0; sent < requests; sent += batch)
            {
                var size = Math.Min(batch, requests - sent);
                var next = 0;
                await Task.WhenAll(states.Select(worker => Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) <= size)
                    {
                        await worker.SendOneAsync().ConfigureAwait(false);
                    }
                }))).ConfigureAwait(false);
                Tally.Health(await ServesValidRequestsAsync().ConfigureAwait(false));
                if (afterBatch is not null)
                {
                    await afterBatch().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var worker in states)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when a valid Submit (POST and session) and a valid register, find and unregister are served correctly.</summary>
    public async Task<bool> ServesValidRequestsAsync()
    {
        try
        {
            var (status, body) = await PostAsync(new Uri(_command, "post-endpoint"), Encoding.UTF8.GetBytes(ValidSubmit), "application/json").ConfigureAwait(false);
            if (status != 200 || !body.Contains("\"Completed\"", StringComparison.Ordinal))
            {
                return false;
            }
            await using (var session = await FuzzSession.OpenAsync(WebSocketUri(_command, "session-endpoint"), _answerTimeout).ConfigureAwait(false))
            {
                if (await session.AskAsync(Encoding.UTF8.GetBytes($$"""{"id":1,"request":{{ValidSubmit}}}"""), 1, _answerTimeout).ConfigureAwait(false) != "response")
                {
                    return false;
                }
            }
            var prefix = $"TCS.health{Guid.NewGuid():N}"[..24];
            var connection = $$"""{"prefix":"{{prefix}}","componentType":"HCD","connectionType":"pekko"}""";
            var register = await PostAsync(new Uri(_location, "post-endpoint"), Encoding.UTF8.GetBytes("""{"_type":"Register","registration":{"_type":"PekkoRegistration","connection":""" + connection + ""","actorRefURI":"csw://health","metadata":{}}}"""), "application/json").ConfigureAwait(false);
            var find = await PostAsync(new Uri(_location, "post-endpoint"), Encoding.UTF8.GetBytes($$"""{"_type":"Find","connection":{{connection}}}"""), "application/json").ConfigureAwait(false);
            var unregister = await PostAsync(new Uri(_location, "post-endpoint"), Encoding.UTF8.GetBytes($$"""{"_type":"Unregister","connection":{{connection}}}"""), "application/json").ConfigureAwait(false);
            return register.Status == 200 && find.Status == 200 && find.Body.Contains(prefix, StringComparison.Ordinal) && unregister is (200, "\"Done\"");
        }
        catch (Exception e) when (e is HttpRequestException or WebSocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private static Uri WebSocketUri(Uri server, string path) => new UriBuilder(new Uri(server, path)) { Scheme = "ws" }.Uri;

    private async Task<(int Status, string Body)> PostAsync(Uri uri, byte[] body, string? contentType)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await _http.PostAsync(uri, content).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>
    /// Sends <paramref name="message"/> as a WebSocket's first message, then closes: "message" or
    /// "close" when the server answered either way, "dropped" when it ended the connection without
    /// a close frame (as it does for frames the WebSocket protocol itself refuses, such as invalid
    /// UTF-8), "refused" when it refused the upgrade; null when nothing came within the timeout.
    /// </summary>
    private async Task<string?> StreamAsync(Uri uri, byte[] message)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var limit = new CancellationTokenSource(_answerTimeout);
        try
        {
            await socket.ConnectAsync(uri, limit.Token).ConfigureAwait(false);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
            return "refused";
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            return null;
        }
        var answer = "close";
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "fuzzed", limit.Token).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The server closed first; what it sent is read below.
        }
        try
        {
            var buffer = new byte[16 * 1024];
            while ((await socket.ReceiveAsync(buffer, limit.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
                answer = "message";
            }
            return answer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (WebSocketException)
        {
            return socket.CloseStatus is null ? "dropped" : answer;
        }
    }

    /// <summary>One sender: its own random source, session and ids.</summary>
    private sealed class Worker(FuzzDriver driver, Random random, long firstId) : IAsyncDisposable
    {
        private readonly Mutator _mutator = new(random);
        private FuzzSession? _session;
        private long _nextId = firstId;

        public async Task SendOneAsync()
        {
            var seeds = driver._seeds;
            switch (random.Next(100))
            {
                case < 35:
                    await PostAsync("command-post", new Uri(driver._command, "post-endpoint"), _mutator.Mutate(_mutator.Pick(seeds.Commands))).ConfigureAwait(false);
                    break;
                case < 60:
                    await PostAsync("location-post", new Uri(driver._location, "post-endpoint"), _mutator.Mutate(_mutator.Pick(seeds.Locations))).ConfigureAwait(false);
                    break;
                case < 85:
                    await SessionAsync().ConfigureAwait(false);
                    break;
                case < 95:
                    await WebSocketAsync("command-stream", WebSocketUri(driver._command, "websocket-endpoint"), _mutator.Mutate(_mutator.Pick(seeds.Streams))).ConfigureAwait(false);
                    break;
                default:
                    await WebSocketAsync("location-track", WebSocketUri(driver._location, "websocket-endpoint"), _mutator.Mutate(_mutator.Pick(seeds.Tracks))).ConfigureAwait(false);
                    break;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_session is not null)
            {
                await _session.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task PostAsync(string target, Uri uri, byte[] body)
        {
            var contentType = random.Next(10) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json";
            try
            {
                var (status, _) = await driver.PostAsync(uri, body, contentType).ConfigureAwait(false);
                driver.Tally.Answered(target, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is TaskCanceledException && target == "location-post" && Encoding.UTF8.GetString(body).Contains("Resolve", StringComparison.Ordinal))
            {
                driver.Tally.ResolveWaited();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                driver.Tally.NotAnswered(target, body);
            }
        }

        private async Task WebSocketAsync(string target, Uri uri, byte[] message)
        {
            if (await driver.StreamAsync(uri, message).ConfigureAwait(false) is { } answer)
            {
                driver.Tally.Answered(target, answer);
            }
            else
            {
                driver.Tally.NotAnswered(target, message);
            }
        }

        private async Task SessionAsync()
        {
            if (_session is not { IsOpen: true })
            {
                if (_session is not null)
                {
                    await _session.DisposeAsync().ConfigureAwait(false);
                }
                _session = await FuzzSession.OpenAsync(WebSocketUri(driver._command, "session-endpoint"), driver._answerTimeout).ConfigureAwait(false);
            }
            var seeds = driver._seeds;
            var id = _nextId++;
            byte[] frame;
            string? answer;
            if (random.Next(10) < 7)
            {
                // A well-formed envelope around a mutated payload: answered for its id (or, when the payload is not JSON, by the close).
                var stream = random.Next(3) == 0;
                var payload = Encoding.UTF8.GetString(_mutator.Mutate(_mutator.Pick(stream ? seeds.Streams : seeds.Commands)));
                frame = Encoding.UTF8.GetBytes($$"""{"id":{{id}},"{{(stream ? "stream" : "request")}}":{{payload}}}""");
                answer = await _session.AskAsync(frame, id, driver._answerTimeout).ConfigureAwait(false);
            }
            else
            {
                // A mutated frame, whose ids may be anything: the next request must then be answered, or the session closed.
                var envelope = $$"""[{"id":1,"request":{{_mutator.Pick(seeds.Commands)}}},{"id":2,"stream":{{_mutator.Pick(seeds.Streams)}}},{"id":3,"cancel":true}]""";
                frame = _mutator.Mutate(envelope);
                await _session.SendAsync(frame, driver._answerTimeout).ConfigureAwait(false);
                answer = await _session.AskAsync(Encoding.UTF8.GetBytes($$$"""{"id":{{{id}}},"request":{"_type":"Query","runId":"probe"}}"""), id, driver._answerTimeout).ConfigureAwait(false);
            }
            if (answer is null)
            {
                driver.Tally.NotAnswered("session", frame);
            }
            else
            {
                driver.Tally.Answered("session", answer.Split(' ')[0]);
            }
        }
    }
}
