using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Csw.Location.Internal.Http;

/// <summary>Checks <c>Authorization: Bearer &lt;token&gt;</c> on every request when the server has a token.</summary>
internal sealed class BearerToken(string token)
{
    /// <summary>The expected token, compared in constant time so that timing reveals nothing of it.</summary>
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    /// <summary>True when the request may proceed; otherwise a 401 has been written.</summary>
    public async Task<bool> CheckAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "TokenMissing",
                "this location server requires a token: send the header 'Authorization: Bearer <token>'", WireProtocol.TokenMissingError).ConfigureAwait(false);
            return false;
        }
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _expected))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "AuthenticationFailed",
                "the Authorization header does not carry this location server's bearer token", WireProtocol.AuthenticationError).ConfigureAwait(false);
            return false;
        }
        return true;
    }
}
