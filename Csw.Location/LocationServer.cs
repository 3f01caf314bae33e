using System.Net;
using System.Net.Sockets;
using Csw.Location.Internal.Http;
using Csw.Shared.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Location;

/// <summary>
/// CSW's location HTTP server (the "seed node"): serves an <see cref="ILocationService"/> to other
/// processes over <c>POST /post-endpoint</c> (register, unregister, find, resolve, list) and the
/// WebSocket <c>/websocket-endpoint</c> (track), in CSW's JSON, on port 7654 by default. Reach it
/// with <see cref="LocationServiceFactory.CreateHttpClient"/> or any CSW location client.
/// Registrations made through it are held by the backend: they last until unregistered or until the
/// backend goes (an embedded backend goes with the server).
/// </summary>
public sealed class LocationServer : IAsyncDisposable
{
    /// <summary>The running Kestrel host.</summary>
    private readonly WebApplication _app;

    private readonly ConnectionLimit _connections;

    private readonly WebSocketEndpoint _webSockets;

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    private LocationServer(WebApplication app, ConnectionLimit connections, WebSocketEndpoint webSockets, Uri uri)
    {
        _app = app;
        _connections = connections;
        _webSockets = webSockets;
        Uri = uri;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:7654/</c> (for a server bound to every address, its loopback address).</summary>
    public Uri Uri { get; }

    /// <summary>The TCP port it listens on (the one picked when <see cref="LocationServerOptions.Port"/> was 0).</summary>
    public int Port => Uri.Port;

    /// <summary>TCP connections open now.</summary>
    internal int OpenConnections => _connections.Open;

    /// <summary>Tracking WebSockets open now.</summary>
    internal int OpenWebSockets => _webSockets.Open;

    /// <summary>Starts a server for <paramref name="backend"/>; it serves until disposed.</summary>
    /// <param name="backend">The location service to serve, e.g. <see cref="LocationServiceFactory.CreateEmbedded(ILoggerFactory?)"/>.</param>
    /// <param name="options">Port, address, token, limits, logging.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port could not be bound (e.g. it is in use); the message names the address.</exception>
    /// <exception cref="ArgumentException">The options are out of range, or serve other machines without a token and without <see cref="LocationServerOptions.Insecure"/>.</exception>
    public static async Task<LocationServer> StartAsync(ILocationService backend, LocationServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EdgePolicy.CheckBinding(options.BindAddress, options.Token, options.Insecure, "location server");
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger("Csw.Location.Server");
        var connections = new ConnectionLimit(options.MaxConnections, "location server", log);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.RequestHeadersTimeout = options.RequestTimeout;
            // A hard stop far beyond the limit, where even the refusals would cost too much: Kestrel then closes without a word.
            kestrel.Limits.MaxConcurrentConnections = 2L * options.MaxConnections;
            kestrel.Listen(options.BindAddress, options.Port, listen =>
            {
                // One request at a time per connection, so that the connection limit bounds the requests too.
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(connections.Wrap);
            });
        });
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSocketKeepAlive, KeepAliveTimeout = options.WebSocketKeepAlive });
        var post = new PostEndpoint(backend, options, log, app.Lifetime.ApplicationStopping);
        var webSocket = new WebSocketEndpoint(backend, options, log, app.Lifetime.ApplicationStopping);
        var gate = new RequestGate(options, log);
        app.Run(context => DispatchAsync(context, gate, post, webSocket, log));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The location server could not listen on {options.BindAddress}:{options.Port}: {e.Message}", e);
        }
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = options.BindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback
            : options.BindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : options.BindAddress;
        var uri = new UriBuilder(Uri.UriSchemeHttp, host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString(), bound.Port).Uri;
        log.LogInformation("Location server listening on {Uri}{Token}", uri, options.Token is null ? "" : " (token required)");
        return new LocationServer(app, connections, webSocket, uri);
    }

    /// <summary>Stops serving: open tracking WebSockets are closed (1001), then the port is released.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The address, e.g. <c>http://127.0.0.1:7654/</c>.</summary>
    public override string ToString() => Uri.ToString();

    private static async Task DispatchAsync(HttpContext context, RequestGate gate, PostEndpoint post, WebSocketEndpoint webSocket, ILogger log)
    {
        try
        {
            if (!await gate.LetInAsync(context).ConfigureAwait(false))
            {
                return;
            }
            switch (context.Request.Path.Value)
            {
                case WireProtocol.PostPath:
                    await post.HandleAsync(context).ConfigureAwait(false);
                    break;
                case WireProtocol.WebSocketPath:
                    await webSocket.HandleAsync(context).ConfigureAwait(false);
                    break;
                default:
                    await WireProtocol.WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotFound",
                        $"this location server serves POST {WireProtocol.PostPath} and WebSocket {WireProtocol.WebSocketPath}, not {context.Request.Path}").ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested || e is IOException)
        {
            // The client went away mid-answer; nothing to tell anyone.
            log.LogDebug("A request to {Path} ended with its client gone: {Reason}", context.Request.Path, e.Message);
        }
    }
}
