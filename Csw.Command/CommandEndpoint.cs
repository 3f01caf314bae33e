using Akka.Actor;
using Csw.Command.Internal;
using Csw.Command.Internal.Http;
using Csw.Location;
using Csw.Params;
using Csw.Shared.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Command;

/// <summary>
/// Serves a component's command API over HTTP and WebSocket, as CSW's
/// <c>CommandServiceRoutesFactory</c> does: <c>POST /post-endpoint</c> takes Validate, Submit,
/// Oneway and Query; the WebSocket <c>/websocket-endpoint</c> takes one QueryFinal or
/// SubscribeCurrentState per socket; GoOnline, GoOffline and the diagnostic modes are served as CSW
/// serves them. A CswNet extension, <c>/session-endpoint</c>, carries all of them over one WebSocket
/// (see docs/Deployment.md); CswNet's client uses it when the registration's metadata names it.
/// Another, <c>/admin-endpoint</c>, serves <see cref="IAdminService"/> (docs/Operations.md).
/// </summary>
public sealed class CommandEndpoint : IAsyncDisposable
{
    /// <summary>CSW's request/response path.</summary>
    public const string PostPath = "/post-endpoint";

    /// <summary>CSW's streaming path: one QueryFinal or SubscribeCurrentState per WebSocket.</summary>
    public const string WebSocketPath = "/websocket-endpoint";

    /// <summary>CswNet's multiplexed session path.</summary>
    public const string SessionPath = "/session-endpoint";

    /// <summary>
    /// CswNet's admin route: POST lock, unlock, lifecycle, restart, shutdown and log-level requests
    /// (<see cref="IAdminService"/> over HTTP). Served only where a token protects it, or to loopback
    /// clients of an endpoint that binds loopback without a token (docs/Security.md).
    /// </summary>
    public const string AdminPath = "/admin-endpoint";

    /// <summary>
    /// The optional header of a <c>POST /post-endpoint</c> Submit or Oneway that carries the client's
    /// request id (as the IETF draft's <c>Idempotency-Key</c>): the command runs once, and a repeat with
    /// the same id gets the original answer. CSW's own clients send none and are served as always.
    /// </summary>
    public const string RequestIdHeader = "Idempotency-Key";

    /// <summary>The metadata key with which a registration advertises <see cref="SessionPath"/>.</summary>
    public const string SessionMetadataKey = "cswnet-session";

    private readonly WebApplication _app;

    /// <summary>Cancelled first when stopping, so that open WebSockets end at once instead of holding the stop up.</summary>
    private readonly CancellationTokenSource _stopping;

    private readonly EndpointHandler _handler;

    private readonly ConnectionLimit _connections;

    /// <summary>Stops once.</summary>
    private int _disposed;

    private CommandEndpoint(WebApplication app, CancellationTokenSource stopping, EndpointHandler handler, ConnectionLimit connections, Uri uri)
    {
        _app = app;
        _stopping = stopping;
        _handler = handler;
        _connections = connections;
        Uri = uri;
    }

    /// <summary>Where the endpoint listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Uri { get; }

    /// <summary>The port it got.</summary>
    public int Port => Uri.Port;

    /// <summary>TCP connections open now.</summary>
    internal int OpenConnections => _connections.Open;

    /// <summary>WebSockets (CSW streams and sessions) open now.</summary>
    internal int OpenWebSockets => _handler.OpenWebSockets;

    /// <summary>Starts serving a component of this process.</summary>
    /// <param name="component">The component's supervisor.</param>
    /// <param name="options">Address, port, token and limits; the defaults when null.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    /// <exception cref="ArgumentException">The options are out of range, or serve other machines without a token and without <see cref="CommandEndpointOptions.Insecure"/>.</exception>
    public static Task<CommandEndpoint> StartAsync(IActorRef component, CommandEndpointOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(component);
        var loggerFactory = options?.LoggerFactory ?? NullLoggerFactory.Instance;
        var service = new LocalCommandService(component, CommandServiceOptions.Default with { LoggerFactory = loggerFactory });
        var target = new EndpointTarget(service, async (names, ct) =>
        {
            var subscription = await service.SubscribeAsync(names, ct).ConfigureAwait(false);
            return new StateStream(subscription.GetAsyncEnumerator, subscription.DisposeAsync);
        }, AdminServiceFactory.Make(component, CommandServiceOptions.Default with { LoggerFactory = loggerFactory }));
        return StartAsync(target, options, cancellationToken);
    }

    /// <summary>Starts serving <paramref name="target"/>: the one way in to the component.</summary>
    internal static async Task<CommandEndpoint> StartAsync(EndpointTarget target, CommandEndpointOptions? options, CancellationToken cancellationToken)
    {
        options ??= CommandEndpointOptions.Default;
        options.Validate();
        EdgePolicy.CheckBinding(options.BindAddress, options.Token, options.Insecure, "command endpoint");
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger<CommandEndpoint>();
        var stopping = new CancellationTokenSource();
        var handler = new EndpointHandler(target, options, log, stopping.Token);
        var connections = new ConnectionLimit(options.MaxConnections, "command endpoint", log);

        // The empty builder: no configuration files, watchers or console lifetime, since a
        // process may host many endpoints and owns its own shutdown.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
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
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval, KeepAliveTimeout = options.KeepAliveTimeout });
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CommandEndpoint(app, stopping, handler, connections, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>The registration that lets others find this endpoint: CSW's HttpRegistration, advertising the session path.</summary>
    /// <param name="component">The component served.</param>
    /// <param name="networkType">Which network's host name the location carries.</param>
    public HttpRegistration RegistrationFor(ComponentId component, NetworkType networkType = NetworkType.Inside) =>
        new(new HttpConnection(component ?? throw new ArgumentNullException(nameof(component))), Port, "", networkType, Metadata.Empty.Add(SessionMetadataKey, SessionPath));

    /// <summary>Stops listening; open WebSockets are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"command endpoint {Uri}";

    /// <summary>Nothing to do: the process that hosts the endpoint decides when it stops.</summary>
    private sealed class ProcessOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
