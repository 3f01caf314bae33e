using System.Net;
using Microsoft.Extensions.Logging;

namespace Csw.Command;

/// <summary>How a <see cref="CommandEndpoint"/> listens and what it accepts.</summary>
public sealed record CommandEndpointOptions
{
    /// <summary>Loopback, any free port, no token, 1 MiB requests and frames.</summary>
    public static CommandEndpointOptions Default { get; } = new();

    /// <summary>The address to listen on: 127.0.0.1 unless told otherwise (use <see cref="IPAddress.Any"/> to serve other machines).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (the component registers whichever it got).</summary>
    public int Port { get; init; }

    /// <summary>When set, every request and WebSocket must carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? Token { get; init; }

    /// <summary>The largest request body accepted on <c>/post-endpoint</c>; larger ones get 413.</summary>
    public int MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest WebSocket message accepted; a larger one closes the socket with "message too big".</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a new WebSocket may stay silent before its first request; then it is closed.</summary>
    public TimeSpan FirstMessageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often WebSocket keep-alive pings go out, so that half-open peers are noticed.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

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

    /// <summary>A copy that logs to <paramref name="loggerFactory"/>.</summary>
    public CommandEndpointOptions WithLoggerFactory(ILoggerFactory? loggerFactory) => this with { LoggerFactory = loggerFactory };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress, nameof(BindAddress));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024, nameof(MaxRequestBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1024, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstMessageTimeout, TimeSpan.Zero, nameof(FirstMessageTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
    }
}
