using Microsoft.Extensions.Logging;

namespace Csw.Location;

/// <summary>
/// Settings of the location service client made by <see cref="LocationServiceFactory.CreateHttpClient"/>,
/// immutable: change them with <c>with</c> or the <c>With...</c> methods.
/// </summary>
public sealed record LocationClientOptions
{
    /// <summary>The defaults: no token, 10 seconds per request, no logging.</summary>
    public static LocationClientOptions Default { get; } = new();

    /// <summary>The bearer token sent with every request, when the server requires one.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// How long a request may take, connecting included (for Resolve: on top of its <c>within</c>).
    /// 10 seconds by default.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest answer or tracking message taken from the server; a larger one fails the request
    /// or breaks the tracking, instead of filling memory. 4 MiB by default.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Where failures of tracking subscriptions and their callbacks are logged; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>These options with <see cref="Token"/> set.</summary>
    /// <param name="token">The bearer token; null for none.</param>
    public LocationClientOptions WithToken(string? token) =>
        this with { Token = token is not null && string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("A token is not blank; pass null for none.", nameof(token)) : token };

    /// <summary>These options with <see cref="Timeout"/> set.</summary>
    /// <param name="timeout">More than zero.</param>
    public LocationClientOptions WithTimeout(TimeSpan timeout) =>
        this with { Timeout = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "More than zero.") };

    /// <summary>These options with <see cref="LoggerFactory"/> set.</summary>
    /// <param name="loggerFactory">Where to log.</param>
    public LocationClientOptions WithLoggerFactory(ILoggerFactory? loggerFactory) => this with { LoggerFactory = loggerFactory };
}
