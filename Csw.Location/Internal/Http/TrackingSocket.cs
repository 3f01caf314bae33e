using System.Buffers;
using System.Net.WebSockets;
using Csw.Params;

namespace Csw.Location.Internal.Http;

/// <summary>The client side of one tracking WebSocket: opens it for a connection and reads its events.</summary>
internal sealed class TrackingSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Uri _server;
    private readonly Connection _connection;

    /// <summary>The largest message taken from the server; a tracking event is far smaller.</summary>
    private readonly int _maxMessageBytes;

    /// <summary>The handshake; the server is tracking once it has succeeded.</summary>
    private readonly Task _opened;

    /// <summary>Opens the socket; the handshake has begun (and is known to <paramref name="starts"/>) when this returns.</summary>
    public TrackingSocket(Uri server, Connection connection, LocationClientOptions options, TrackerStarts starts, CancellationToken cancellationToken)
    {
        _server = server;
        _connection = connection;
        _maxMessageBytes = options.MaxMessageBytes;
        if (options.Token is not null)
        {
            _socket.Options.SetRequestHeader("Authorization", $"Bearer {options.Token}");
        }
        _socket.Options.CollectHttpResponseDetails = true;
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
        var uri = new UriBuilder(server)
        {
            Scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = WireProtocol.WebSocketPath,
            Query = $"{WireProtocol.TrackQuery}={Uri.EscapeDataString(connection.Name)}",
        }.Uri;
        _opened = OpenAsync(uri, options.Timeout, cancellationToken);
        starts.Add(_opened);
    }

    /// <summary>Completes when the server has accepted the socket: it is tracking from then on.</summary>
    /// <exception cref="LocationServerException">The server could not be reached or refused.</exception>
    public Task OpenedAsync(CancellationToken cancellationToken) => _opened.WaitAsync(cancellationToken);

    /// <summary>The next event.</summary>
    /// <exception cref="LocationServerException">The server could not be reached, refused, or ended the stream.</exception>
    public async Task<TrackingEvent> NextAsync(CancellationToken cancellationToken)
    {
        await _opened.WaitAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw Failure(null, $"ended the tracking of {_connection}: {_socket.CloseStatus} {_socket.CloseStatusDescription}".TrimEnd());
                }
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > _maxMessageBytes)
                {
                    throw Failure(null, $"sent a tracking message over {_maxMessageBytes} bytes");
                }
                if (result.EndOfMessage)
                {
                    return Decode(buffer.WrittenMemory);
                }
            }
        }
        catch (Exception e) when (e is not LocationServerException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The tracking was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            throw Failure(null, $"dropped the tracking of {_connection}: {e.Message}", e);
        }
    }

    /// <summary>Closes the socket politely if it is open, else drops it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
            }
        }
        _socket.Dispose();
    }

    private async Task OpenAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _socket.ConnectAsync(uri, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The tracking was cancelled.", e, cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            throw Failure(null, $"did not accept a tracking WebSocket within {timeout.TotalSeconds:0.###} s", e);
        }
        catch (WebSocketException e) when (_socket.HttpStatusCode != 0)
        {
            var status = (int)_socket.HttpStatusCode;
            throw Failure(status, $"refused to track {_connection} with {status} {_socket.HttpStatusCode}", e);
        }
        catch (Exception e) when (e is WebSocketException or IOException or System.Net.Http.HttpRequestException)
        {
            throw Failure(null, $"could not be reached to track {_connection}: {e.Message}", e);
        }
    }

    private TrackingEvent Decode(ReadOnlyMemory<byte> json)
    {
        try
        {
            return LocationJson.Deserialize<TrackingEvent>(json);
        }
        catch (CswJsonException e)
        {
            throw WireProtocol.TryReadServiceError(json.Span, out var name, out var message)
                ? Failure(null, $"refused to track {_connection}: {name}: {message}")
                : Failure(null, $"sent a message that is not a tracking event: {e.Message}", e);
        }
    }

    private LocationServerException Failure(int? status, string what, Exception? inner = null) =>
        new(_server, status, $"The location server at {_server} {what}", inner);
}
