using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// etcd's v3 JSON gateway over HttpClient: requests are JSON with base64 keys and values and
/// 64-bit numbers as strings. A member that fails is left for the next one, in turn; members with
/// watches open are checked every second, so that a frozen one does not hold its watches.
/// </summary>
internal sealed class EtcdGateway : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>How often, and within how long, members with watches must answer a status request.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;

    private readonly EtcdMembers _members;

    private readonly TimeSpan _timeout;

    private readonly CancellationTokenSource _disposed = new();

    public EtcdGateway(IReadOnlyList<Uri> endpoints, TimeSpan timeout, ILogger log)
    {
        _members = new EtcdMembers(endpoints, log);
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };
        _ = ProbeWatchedMembersAsync(_disposed.Token);
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>The key just after every key starting with <paramref name="prefix"/> (etcd's range end for a prefix).</summary>
    public static string PrefixEnd(string prefix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix);
        bytes[^1]++;
        return Base64(bytes);
    }

    /// <summary>Sends one request, to each member in turn (starting with the last one that answered) until one answers.</summary>
    /// <param name="path">The gateway's path, e.g. <c>/v3/kv/range</c>.</param>
    /// <param name="body">The request, serialized as JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="timeout">How long each member may take; the configured request timeout when null.</param>
    /// <exception cref="EtcdUnavailableException">No member answered.</exception>
    /// <exception cref="EtcdRequestException">A member answered with an error of etcd's own.</exception>
    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(body);
        var start = _members.Current;
        Exception? last = null;
        for (var attempt = 0; attempt < _members.Count; attempt++)
        {
            var index = (start + attempt) % _members.Count;
            try
            {
                var answer = await SendAsync(index, path, content, timeout ?? _timeout, cancellationToken).ConfigureAwait(false);
                // Later requests start here, so that a dead member costs one failed attempt, not one per request.
                _members.Answered(index);
                return answer;
            }
            catch (Exception e) when (IsMemberFailure(e, cancellationToken))
            {
                last = e;
                _members.Failed(index, $"{path}: {e.Message}");
            }
        }
        throw new EtcdUnavailableException($"No etcd member answered {path} (tried {_members}): {last?.Message}", last);
    }

    /// <summary>
    /// Opens a watch on the current member and yields each of its responses until the stream ends or
    /// breaks, or the member is seen failing (then it throws, and the caller opens another from where it got to).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> WatchAsync(object createRequest, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = _members.Current;
        var endpoint = _members[index];
        using var watched = _members.Watching(index);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _members.DownToken(index));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/v3/watch")) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { create_request = createRequest })) };
        request.Content.Headers.ContentType = Json;
        // etcd's "require leader" (gRPC metadata hasleader): a member cut off from the leader ends the
        // watch instead of going silent, so the tracking moves to a member that still hears changes.
        request.Headers.Add("Grpc-Metadata-hasleader", "true");
        using var response = await OpenAsync(index, request, ending.Token, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        while (await ReadLineAsync(index, reader, ending.Token, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                _members.Failed(index, $"it ended a watch: {error}");
                throw new EtcdUnavailableException($"etcd at {endpoint} ended a watch: {error}");
            }
            yield return document.RootElement.GetProperty("result").Clone();
        }
        _members.Failed(index, "it closed a watch");
        throw new EtcdUnavailableException($"etcd at {endpoint} closed a watch.");
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _http.Dispose();
        _members.Dispose();
    }

    private static bool IsMemberFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<JsonElement> SendAsync(int index, string path, byte[] content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_members[index], path)) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = Json;
        using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
        var text = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw RefusalOrFailure(path, (int)response.StatusCode, text);
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<HttpResponseMessage> OpenAsync(int index, HttpRequestMessage request, CancellationToken ending, CancellationToken cancellationToken)
    {
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ending);
            connecting.CancelAfter(_timeout);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connecting.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new HttpRequestException($"etcd answered the watch with HTTP {status}");
            }
            return response;
        }
        catch (Exception e) when (IsMemberFailure(e, cancellationToken))
        {
            _members.Failed(index, $"watch: {e.Message}");
            throw new EtcdUnavailableException($"Cannot watch on etcd at {_members[index]}: {e.Message}", e);
        }
    }

    /// <summary>The next line of a watch; a broken stream, or the member seen failing, becomes an <see cref="EtcdUnavailableException"/>.</summary>
    private async Task<string?> ReadLineAsync(int index, StreamReader reader, CancellationToken ending, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(ending).ConfigureAwait(false);
        }
        catch (Exception e) when (IsMemberFailure(e, cancellationToken))
        {
            if (e is not OperationCanceledException)
            {
                _members.Failed(index, $"watch: {e.Message}");
            }
            throw new EtcdUnavailableException($"The watch on etcd at {_members[index]} broke: {(e is OperationCanceledException ? "the member stopped answering" : e.Message)}", e);
        }
    }

    /// <summary>
    /// Asks each member that has watches open for its status every <see cref="ProbeInterval"/>: one
    /// that does not answer in time is failed, which ends its watches.
    /// </summary>
    private async Task ProbeWatchedMembersAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProbeInterval);
        var empty = "{}"u8.ToArray();
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var probes = Enumerable.Range(0, _members.Count).Where(_members.IsWatched).Select(async index =>
                {
                    try
                    {
                        await SendAsync(index, "/v3/maintenance/status", empty, ProbeInterval, stop).ConfigureAwait(false);
                    }
                    catch (Exception e) when (IsMemberFailure(e, stop) || e is EtcdRequestException)
                    {
                        _members.Failed(index, $"status: {e.Message}");
                    }
                });
                await Task.WhenAll(probes).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>
    /// What an error answer means: etcd's own refusal (thrown to the caller as is), or a member that
    /// cannot serve (no leader, timed out, a proxy error: the next member is tried).
    /// </summary>
    private static Exception RefusalOrFailure(string path, int status, byte[] body)
    {
        const int deadlineExceeded = 4, unavailable = 14;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("code", out var code) && code.TryGetInt32(out var grpcCode) && grpcCode is not (deadlineExceeded or unavailable))
            {
                var error = root.TryGetProperty("error", out var text) || root.TryGetProperty("message", out text) ? text.GetString() ?? "" : "";
                return new EtcdRequestException(path, grpcCode, error);
            }
        }
        catch (JsonException)
        {
            // Not etcd's JSON: something in between failed.
        }
        return new HttpRequestException($"HTTP {status}: {Encoding.UTF8.GetString(body)}");
    }
}
