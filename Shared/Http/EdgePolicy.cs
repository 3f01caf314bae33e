using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Csw.Shared.Http;

/// <summary>
/// What the command endpoint and the location server both refuse, so that a web page an operator
/// happens to open cannot reach them (docs/Security.md): foreign <c>Origin</c>s, POST bodies that
/// are not JSON (a browser sends those cross-origin without asking first), and serving other
/// machines without a token unless told to.
/// </summary>
internal static class EdgePolicy
{
    /// <summary>
    /// True when the request carries no <c>Origin</c> (CLIs and services send none) or one on
    /// <paramref name="allowed"/>, compared without case and without a trailing slash.
    /// </summary>
    public static bool IsOriginAllowed(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0)
        {
            return true;
        }
        if (origins.Count > 1 || origins[0] is not { Length: > 0 } origin)
        {
            return false;
        }
        origin = origin.TrimEnd('/');
        return allowed.Any(entry => string.Equals(entry.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the body is declared <c>application/json</c> (any charset parameter).</summary>
    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses to serve an address other machines reach without a token, unless <paramref name="insecure"/> says so.</summary>
    /// <param name="address">The address to listen on.</param>
    /// <param name="token">The token required of clients, or null.</param>
    /// <param name="insecure">Serve other machines without a token anyway.</param>
    /// <param name="server">What is starting, for the message, e.g. "command endpoint".</param>
    /// <exception cref="ArgumentException">A non-loopback address, no token, and not insecure.</exception>
    public static void CheckBinding(IPAddress address, string? token, bool insecure, string server)
    {
        if (token is null && !insecure && !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException(
                $"Refusing to start a {server} on {address} without a token: anyone who reaches that address could use it. "
                + "Set a token (--token or CSW_TOKEN), or serve without one knowingly (--insecure).",
                nameof(token));
        }
    }
}
