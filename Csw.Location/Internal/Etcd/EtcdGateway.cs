using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// etcd's v3 JSON gateway over HttpClient: requests are JSON with base64 keys and values and
/// 64-bit numbers as strings. A member that fails is left for the next one, in turn.
/// </summary>
internal sealed class EtcdGateway : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    private readonly IReadOnlyList<Uri> _endpoints;

    private readonly TimeSpan _timeout;

    private readonly ILogger _log;

    /// <summary>The member tried first; moves on when one fails.</summary>
    private int _current;

    public EtcdGateway(IReadOnlyList<Uri> endpoints, TimeSpan timeout, ILogger log)
    {
        _endpoints = endpoints;
        _timeout = timeout;
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };
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
        var start = Volatile.Read(ref _current);
        Exception? last = null;
        for (var attempt = 0; attempt < _endpoints.Count; attempt++)
        {
            var index = Index(start + attempt);
            var endpoint = _endpoints[index];
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout ?? _timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = new ByteArrayContent(content) };
                request.Content.Headers.ContentType = Json;
                using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw RefusalOrFailure(path, (int)response.StatusCode, text);
                }
                using var document = JsonDocument.Parse(text);
                // Later requests start here, so that a dead member costs one failed attempt, not one per request.
                Volatile.Write(ref _current, index);
                return document.RootElement.Clone();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = e;
                _log.LogWarning("etcd member {Endpoint} failed {Path} ({Reason}); trying the next one", endpoint, path, e.Message);
            }
        }
        Volatile.Write(ref _current, start + 1);
        throw new EtcdUnavailableException($"No etcd member answered {path} (tried {string.Join(", ", _endpoints)}): {last?.Message}", last);
    }

    /// <summary>
    /// Opens a watch and yields each of its responses until the stream ends or breaks (then it
    /// throws, and the caller opens another from where it got to).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> WatchAsync(object createRequest, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var endpoint = _endpoints[Index(Volatile.Read(ref _current))];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/v3/watch")) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { create_request = createRequest })) };
        request.Content.Headers.ContentType = Json;
        // etcd's "require leader" (gRPC metadata hasleader): a member cut off from the leader ends the
        // watch instead of going silent, so the tracking moves to a member that still hears changes.
        request.Headers.Add("Grpc-Metadata-hasleader", "true");
        HttpResponseMessage response;
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(_timeout);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connecting.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new HttpRequestException($"etcd answered the watch with HTTP {status}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MoveOn(endpoint, e);
            throw new EtcdUnavailableException($"Cannot watch on etcd at {endpoint}: {e.Message}", e);
        }
        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("error", out var error))
                {
                    throw new EtcdUnavailableException($"etcd ended a watch: {error}");
                }
                yield return document.RootElement.GetProperty("result").Clone();
            }
        }
        throw new EtcdUnavailableException($"etcd at {endpoint} closed a watch.");
    }

    /// <summary>Tries the next member from now on (a watch on the current one broke).</summary>
    public void Rotate() => Interlocked.Increment(ref _current);

    public void Dispose() => _http.Dispose();

    private void MoveOn(Uri failed, Exception why)
    {
        _log.LogWarning("etcd member {Endpoint} failed ({Reason}); trying the next one", failed, why.Message);
        Interlocked.Increment(ref _current);
    }

    private int Index(int position) => (int)((uint)position % (uint)_endpoints.Count);

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
