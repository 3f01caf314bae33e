using System.Net.Http.Headers;

namespace Csw.Command.Internal.Http;

/// <summary>One connection pool for every remote command service of the process.</summary>
internal static class SharedHttp
{
    public static readonly HttpMessageHandler Handler = new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = 256,
    };

    public static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>A registered HTTP location's address as a base for relative paths: with a trailing slash.</summary>
    public static Uri BaseUri(Uri location) => location.AbsoluteUri.EndsWith('/') ? location : new Uri(location.AbsoluteUri + "/");

    /// <summary>The WebSocket URI of <paramref name="path"/> on the endpoint at <paramref name="baseUri"/>.</summary>
    public static Uri WebSocketUri(Uri baseUri, string path)
    {
        var builder = new UriBuilder(new Uri(baseUri, path)) { Scheme = baseUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return builder.Uri;
    }
}
