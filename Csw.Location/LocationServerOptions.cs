using System.Net;
using Microsoft.Extensions.Logging;

namespace Csw.Location;

/// <summary>
/// Settings of a <see cref="LocationServer"/>, immutable: change them with <c>with</c> or the
/// <c>With...</c> methods. The defaults serve CSW's port 7654 on loopback only, without a token.
/// </summary>
public sealed record LocationServerOptions
{
    /// <summary>CSW's location server port.</summary>
    public const int DefaultPort = 7654;

    /// <summary>The defaults: port 7654 on 127.0.0.1, no token, and the limits documented on each property (see also docs/Security.md).</summary>
    public static LocationServerOptions Default { get; } = new();

    /// <summary>The TCP port to listen on; 0 picks a free one (read it from <see cref="LocationServer.Port"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The address to listen on; <see cref="IPAddress.Loopback"/> by default, so that only this machine
    /// reaches the server. <see cref="IPAddress.Any"/> serves every network, and needs a
    /// <see cref="Token"/> (or <see cref="Insecure"/>): without either the server refuses to start.
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// When set, every request (POST and the WebSocket upgrade) must carry
    /// <c>Authorization: Bearer &lt;token&gt;</c>, or is refused with 401.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>
    /// Serve an address other than loopback without a <see cref="Token"/>; false by default, and then
    /// such a server refuses to start. Anyone who reaches the address can then register, unregister and list.
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>
    /// The web page origins (e.g. <c>https://ops.example.org</c>) whose requests are served; empty by
    /// default. A request carrying another <c>Origin</c> gets 403; clients that send none (CLIs,
    /// services, CSW's own clients) are not affected.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The most TCP connections open at once; one more is answered 503 <c>TooManyConnections</c> and closed. 2,048 by default.</summary>
    public int MaxConnections { get; init; } = 2048;

    /// <summary>The most tracking WebSockets open at once; one more is answered 503 <c>TooManyWebSockets</c>. 1,024 by default.</summary>
    public int MaxWebSockets { get; init; } = 1024;

    /// <summary>The largest POST body accepted; larger ones are refused with 413. 1 MiB by default.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest WebSocket message accepted from a client; a larger one closes the socket (1009). 64 KiB by default.</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// How long a client may take to send its request: the headers, a POST body, or a WebSocket's
    /// Track message. Slower clients get 408 or a WebSocket close. 10 seconds by default.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the server pings an idle WebSocket, and how long it then waits for the pong before
    /// dropping the client as gone (a half-open connection). 15 seconds by default. A client that
    /// stops reading is dropped once a send has waited <see cref="RequestTimeout"/> plus this.
    /// </summary>
    public TimeSpan WebSocketKeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where requests that fail and clients that misbehave are logged; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>These options with <see cref="Port"/> set.</summary>
    /// <param name="port">0 to 65535; 0 picks a free port.</param>
    public LocationServerOptions WithPort(int port) =>
        this with { Port = port is >= 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0 to 65535.") };

    /// <summary>These options with <see cref="BindAddress"/> set.</summary>
    /// <param name="bindAddress">The address to listen on.</param>
    public LocationServerOptions WithBindAddress(IPAddress bindAddress) =>
        this with { BindAddress = bindAddress ?? throw new ArgumentNullException(nameof(bindAddress)) };

    /// <summary>These options with <see cref="Token"/> set.</summary>
    /// <param name="token">The bearer token clients must send; null for none.</param>
    public LocationServerOptions WithToken(string? token) =>
        this with { Token = token is not null && string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("A token is not blank; pass null for none.", nameof(token)) : token };

    /// <summary>These options with <see cref="MaxRequestBytes"/> set.</summary>
    /// <param name="maxRequestBytes">At least 1.</param>
    public LocationServerOptions WithMaxRequestBytes(long maxRequestBytes) =>
        this with { MaxRequestBytes = maxRequestBytes >= 1 ? maxRequestBytes : throw new ArgumentOutOfRangeException(nameof(maxRequestBytes), maxRequestBytes, "At least 1.") };

    /// <summary>These options with <see cref="MaxFrameBytes"/> set.</summary>
    /// <param name="maxFrameBytes">At least 1.</param>
    public LocationServerOptions WithMaxFrameBytes(int maxFrameBytes) =>
        this with { MaxFrameBytes = maxFrameBytes >= 1 ? maxFrameBytes : throw new ArgumentOutOfRangeException(nameof(maxFrameBytes), maxFrameBytes, "At least 1.") };

    /// <summary>These options with <see cref="RequestTimeout"/> set.</summary>
    /// <param name="requestTimeout">More than zero.</param>
    public LocationServerOptions WithRequestTimeout(TimeSpan requestTimeout) =>
        this with { RequestTimeout = requestTimeout > TimeSpan.Zero ? requestTimeout : throw new ArgumentOutOfRangeException(nameof(requestTimeout), requestTimeout, "More than zero.") };

    /// <summary>These options with <see cref="WebSocketKeepAlive"/> set.</summary>
    /// <param name="webSocketKeepAlive">More than zero.</param>
    public LocationServerOptions WithWebSocketKeepAlive(TimeSpan webSocketKeepAlive) =>
        this with { WebSocketKeepAlive = webSocketKeepAlive > TimeSpan.Zero ? webSocketKeepAlive : throw new ArgumentOutOfRangeException(nameof(webSocketKeepAlive), webSocketKeepAlive, "More than zero.") };

    /// <summary>These options with <see cref="Insecure"/> set.</summary>
    /// <param name="insecure">Serve other machines without a token.</param>
    public LocationServerOptions WithInsecure(bool insecure) => this with { Insecure = insecure };

    /// <summary>These options with <see cref="AllowedOrigins"/> set.</summary>
    /// <param name="origins">The web page origins served.</param>
    public LocationServerOptions WithAllowedOrigins(params IEnumerable<string> origins) => this with { AllowedOrigins = [.. origins] };

    /// <summary>These options with <see cref="LoggerFactory"/> set.</summary>
    /// <param name="loggerFactory">Where to log.</param>
    public LocationServerOptions WithLoggerFactory(ILoggerFactory? loggerFactory) => this with { LoggerFactory = loggerFactory };

    /// <summary>Checks settings made with <c>with</c>, which bypasses the <c>With...</c> checks.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentNullException.ThrowIfNull(BindAddress, nameof(BindAddress));
        if (Token is not null && string.IsNullOrWhiteSpace(Token))
        {
            throw new ArgumentException("A token is not blank; use null for none.", nameof(Token));
        }
        ArgumentNullException.ThrowIfNull(AllowedOrigins, nameof(AllowedOrigins));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWebSockets, 1, nameof(MaxWebSockets));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1, nameof(MaxRequestBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WebSocketKeepAlive, TimeSpan.Zero, nameof(WebSocketKeepAlive));
    }
}
