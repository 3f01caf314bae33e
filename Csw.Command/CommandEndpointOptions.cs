using System.Net;
using Microsoft.Extensions.Logging;

namespace Csw.Command;

/// <summary>
/// How a <see cref="CommandEndpoint"/> listens, what it accepts, and its limits. The defaults serve
/// loopback only, without a token; docs/Security.md explains each setting.
/// </summary>
public sealed record CommandEndpointOptions
{
    /// <summary>Loopback, any free port, no token, and the limits documented on each property.</summary>
    public static CommandEndpointOptions Default { get; } = new();

    /// <summary>
    /// The address to listen on: 127.0.0.1 unless told otherwise (use <see cref="IPAddress.Any"/> to
    /// serve other machines, which needs a <see cref="Token"/> or <see cref="Insecure"/>).
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (the component registers whichever it got).</summary>
    public int Port { get; init; }

    /// <summary>When set, every request and WebSocket must carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Serve an address other than loopback without a <see cref="Token"/>; false by default, and
    /// then such an endpoint refuses to start. Anyone who reaches the address can command the component.
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>
    /// The web page origins (e.g. <c>https://ops.example.org</c>) whose requests are served; empty by
    /// default. A request carrying another <c>Origin</c> gets 403; clients that send none (CLIs,
    /// services, other components) are not affected.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The largest request body accepted on <c>/post-endpoint</c>; larger ones get 413. 1 MiB.</summary>
    public int MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest WebSocket message accepted; a larger one closes the socket with "message too big". 1 MiB.</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>The most TCP connections open at once; one more is answered 503 <c>TooManyConnections</c> and closed. 2,048.</summary>
    public int MaxConnections { get; init; } = 2048;

    /// <summary>The most WebSockets (CSW streams and sessions) open at once; one more is answered 503 <c>TooManyWebSockets</c>. 1,024.</summary>
    public int MaxWebSockets { get; init; } = 1024;

    /// <summary>The most requests (Validate, Submit, Oneway, Query) waiting for their answer in one session; one more gets the error <c>TooManyRequests</c>. 1,024.</summary>
    public int MaxRequestsPerSession { get; init; } = 1024;

    /// <summary>The most QueryFinals and CurrentState subscriptions open in one session; one more gets the error <c>TooManyStreams</c>. 256.</summary>
    public int MaxStreamsPerSession { get; init; } = 256;

    /// <summary>The longest QueryFinal wait accepted (<c>timeoutInSeconds</c>); a longer one, or one of 0, gets a BadRequest. 1 hour; at least 1 minute.</summary>
    public TimeSpan MaxQueryFinalTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a new WebSocket may stay silent before its first request; then it is closed. 10 s.</summary>
    public TimeSpan FirstMessageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often WebSocket keep-alive pings go out. 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a ping may go unanswered before the peer is taken for dead (half-open) and dropped, its session freed. 15 s.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a message to a WebSocket client may take to be sent; a client that stops reading is dropped after it, its session freed. 10 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the endpoint logs; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>A copy listening on <paramref name="address"/>.</summary>
    public CommandEndpointOptions WithBindAddress(IPAddress address) => this with { BindAddress = address ?? throw new ArgumentNullException(nameof(address)) };

    /// <summary>A copy listening on <paramref name="port"/> (0 for any free port).</summary>
    public CommandEndpointOptions WithPort(int port) =>
        this with { Port = port is >= 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.") };

    /// <summary>A copy that requires <paramref name="token"/> as a bearer token (null for none).</summary>
    public CommandEndpointOptions WithToken(string? token) =>
        this with { Token = token is not null && string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("A token is not blank.", nameof(token)) : token };

    /// <summary>A copy that serves other machines without a token when <paramref name="insecure"/> is true.</summary>
    public CommandEndpointOptions WithInsecure(bool insecure) => this with { Insecure = insecure };

    /// <summary>A copy that serves requests from web pages of <paramref name="origins"/>.</summary>
    public CommandEndpointOptions WithAllowedOrigins(params IEnumerable<string> origins) => this with { AllowedOrigins = [.. origins] };

    /// <summary>A copy that logs to <paramref name="loggerFactory"/>.</summary>
    public CommandEndpointOptions WithLoggerFactory(ILoggerFactory? loggerFactory) => this with { LoggerFactory = loggerFactory };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress, nameof(BindAddress));
        ArgumentNullException.ThrowIfNull(AllowedOrigins, nameof(AllowedOrigins));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024, nameof(MaxRequestBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1024, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWebSockets, 1, nameof(MaxWebSockets));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerSession, 1, nameof(MaxRequestsPerSession));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStreamsPerSession, 1, nameof(MaxStreamsPerSession));
        // CswNet clients ask for a minute at a time (HttpCommandService.QueryFinalTurn).
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueryFinalTimeout, TimeSpan.FromMinutes(1), nameof(MaxQueryFinalTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstMessageTimeout, TimeSpan.Zero, nameof(FirstMessageTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveTimeout, TimeSpan.Zero, nameof(KeepAliveTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SendTimeout, TimeSpan.Zero, nameof(SendTimeout));
    }
}
