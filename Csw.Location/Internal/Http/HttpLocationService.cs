using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Csw.Location.Messages;
using Csw.Params;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Location.Internal.Http;

/// <summary>
/// A location service reached through a location server, as CSW's <c>LocationServiceClient</c>: each
/// call one POST to <c>/post-endpoint</c>, each tracker one WebSocket. Errors the server reports come
/// back as the exceptions the embedded service throws; a server that cannot be reached, or that
/// refuses otherwise, as <see cref="LocationServerException"/>.
/// </summary>
internal sealed class HttpLocationService : ILocationService, IAsyncDisposable, IDisposable
{
    /// <summary>The longest single Resolve request; a longer (or infinite) within is asked for in turns.</summary>
    private static readonly TimeSpan ResolveTurn = TimeSpan.FromMinutes(1);

    private readonly Uri _server;
    private readonly Uri _postUri;
    private readonly LocationClientOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _log;

    /// <summary>Tracking WebSockets still opening; changes wait for them.</summary>
    private readonly TrackerStarts _starts = new();

    /// <summary>Cancelled on dispose: ends every request and tracker of this client.</summary>
    private readonly CancellationTokenSource _disposed = new();

    public HttpLocationService(Uri server, LocationClientOptions options)
    {
        _server = server;
        _postUri = new Uri(server, WireProtocol.PostPath);
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.Timeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = options.MaxMessageBytes,
        };
        _log = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Csw.Location.HttpClient");
    }

    public async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        var location = Decode<Location>(await PostAsync(new Register(registration), TimeSpan.Zero, cancellationToken).ConfigureAwait(false), "Register");
        return new RegistrationResult(location, ct => UnregisterIfStillAsync(location, ct));
    }

    public async Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        await PostAsync(new Unregister(connection), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    public async Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        await _starts.WaitAsync(cancellationToken).ConfigureAwait(false);
        await PostAsync(new UnregisterAll(), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Single(await PostAsync(new Find(connection), TimeSpan.Zero, cancellationToken).ConfigureAwait(false), "Find");
    }

    public async Task<Location?> ResolveAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (within < TimeSpan.Zero && within != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "How long to wait is zero or more, or infinite.");
        }
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var left = within == Timeout.InfiniteTimeSpan ? ResolveTurn : within - waited.Elapsed;
            var turn = left < TimeSpan.Zero ? TimeSpan.Zero : left > ResolveTurn ? ResolveTurn : left;
            // Whole milliseconds: Scala's durations go no finer than needed, and nobody resolves in ticks.
            turn = TimeSpan.FromMilliseconds(Math.Ceiling(turn.TotalMilliseconds));
            var found = Single(await PostAsync(new Resolve(connection, turn), turn, cancellationToken).ConfigureAwait(false), "Resolve");
            if (found is not null || (within != Timeout.InfiniteTimeSpan && turn >= left))
            {
                return found;
            }
        }
    }

    public Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(new ListEntries(), cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ComponentType componentType, CancellationToken cancellationToken = default) =>
        ListAsync(new ListByComponentType(componentType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListAsync(ConnectionType connectionType, CancellationToken cancellationToken = default) =>
        ListAsync(new ListByConnectionType(connectionType), cancellationToken);

    public Task<IReadOnlyList<Location>> ListByHostnameAsync(string hostname, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        return ListAsync(new ListByHostname(hostname), cancellationToken);
    }

    public Task<IReadOnlyList<Location>> ListByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return ListAsync(new ListByPrefix(prefix), cancellationToken);
    }

    public async IAsyncEnumerable<TrackingEvent> Track(Connection connection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        await using var socket = new TrackingSocket(_server, connection, _options, _starts, stop.Token);
        while (true)
        {
            yield return await socket.NextAsync(stop.Token).ConfigureAwait(false);
        }
    }

    public IDisposable Subscribe(Connection connection, Action<TrackingEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new HttpSubscription(
            new TrackingSocket(_server, connection, _options, _starts, _disposed.Token),
            stop => new TrackingSocket(_server, connection, _options, _starts, stop),
            stop => FindAsync(connection, stop),
            callback,
            connection,
            _log);
        subscription.Start();
        return subscription;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _http.Dispose();
        }
    }

    public override string ToString() => $"location server at {_server}";

    /// <summary>
    /// A registration result's unregistration: only while the connection is still at its location.
    /// CSW's protocol has no conditional unregister, so this is a Find then an Unregister, not atomic.
    /// </summary>
    private async Task UnregisterIfStillAsync(Location location, CancellationToken cancellationToken)
    {
        if (await FindAsync(location.Connection, cancellationToken).ConfigureAwait(false) == location)
        {
            await UnregisterAsync(location.Connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<Location>> ListAsync(LocationRequest request, CancellationToken cancellationToken) =>
        Decode<IReadOnlyList<Location>>(await PostAsync(request, TimeSpan.Zero, cancellationToken).ConfigureAwait(false), request.GetType().Name);

    private Location? Single(byte[] body, string request)
    {
        var locations = Decode<IReadOnlyList<Location>>(body, request);
        return locations.Count <= 1 ? locations.FirstOrDefault()
            : throw new LocationServerException(_server, 200, $"The location server at {_server} answered a {request} request with {locations.Count} locations, not none or one");
    }

    private T Decode<T>(byte[] body, string request)
    {
        try
        {
            return LocationJson.Deserialize<T>(body);
        }
        catch (CswJsonException e)
        {
            throw new LocationServerException(_server, 200, $"The location server at {_server} answered a {request} request with JSON that is not CSW's answer: {e.Message}", e);
        }
    }

    /// <summary>Sends one request; the body of a 200 answer, or the error the server reported thrown.</summary>
    private async Task<byte[]> PostAsync(LocationRequest request, TimeSpan extraTime, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var name = request.GetType().Name;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        limit.CancelAfter(_options.Timeout + extraTime);
        using var message = new HttpRequestMessage(HttpMethod.Post, _postUri) { Content = new ByteArrayContent(LocationJson.SerializeToUtf8Bytes(request)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_options.Token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }
        HttpResponseMessage? response = null;
        byte[] body;
        try
        {
            response = await _http.SendAsync(message, limit.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The {name} request was cancelled.", e, cancellationToken);
        }
        catch (Exception) when (_disposed.IsCancellationRequested)
        {
            throw new ObjectDisposedException(ToString());
        }
        catch (OperationCanceledException e)
        {
            throw new LocationServerException(_server, null, $"The location server at {_server} did not answer a {name} request within {(_options.Timeout + extraTime).TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e) when (response is not null)
        {
            response.Dispose();
            throw new LocationServerException(_server, (int)response.StatusCode, $"The location server at {_server} answered a {name} request with a body that could not be read (the limit is {_options.MaxMessageBytes} bytes): {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new LocationServerException(_server, null, $"The location server at {_server} could not be reached for a {name} request: {e.Message}", e);
        }
        using (response)
        {
            return response.IsSuccessStatusCode ? body : throw Refusal(response, body, name);
        }
    }

    /// <summary>What a refusal means: the location service error it carries, or a <see cref="LocationServerException"/>.</summary>
    private Exception Refusal(HttpResponseMessage response, byte[] body, string request)
    {
        var status = (int)response.StatusCode;
        if (response.Headers.TryGetValues(WireProtocol.ErrorTypeHeader, out var types) && types.Contains(WireProtocol.DomainError))
        {
            try
            {
                return LocationJson.Deserialize<LocationServiceException>(body);
            }
            catch (CswJsonException)
            {
                // Not one CswNet knows: report it as the server wrote it, below.
            }
        }
        var detail = WireProtocol.TryReadServiceError(body, out var name, out var text) ? $"{name}: {text}"
            : System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)));
        return new LocationServerException(_server, status, $"The location server at {_server} refused a {request} request with {status} {response.ReasonPhrase}: {detail}");
    }
}
