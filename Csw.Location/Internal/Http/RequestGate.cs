using Csw.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>
/// What every request to the location server passes first: its <c>Origin</c> (a web page the
/// operator happens to open must not reach the server) and, when the server has one, the bearer
/// token. A request refused here has had its answer written.
/// </summary>
internal sealed class RequestGate(LocationServerOptions options, ILogger log)
{
    private readonly BearerToken? _token = options.Token is null ? null : new BearerToken(options.Token);

    /// <summary>True when the request may proceed; otherwise a 403 or 401 has been written.</summary>
    public async Task<bool> LetInAsync(HttpContext context)
    {
        var request = context.Request;
        if (!EdgePolicy.IsOriginAllowed(request, options.AllowedOrigins))
        {
            log.LogWarning("Refused a request from a web page at {Origin}", request.Headers.Origin.ToString());
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                $"requests from web pages at {request.Headers.Origin} are refused; allow an origin with LocationServerOptions.AllowedOrigins").ConfigureAwait(false);
            return false;
        }
        switch (_token?.Check(request.Headers.Authorization))
        {
            case null or BearerVerdict.Valid:
                return true;
            case BearerVerdict.Missing:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WireProtocol.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "TokenMissing",
                    "this location server requires a token: send the header 'Authorization: Bearer <token>'", WireProtocol.TokenMissingError).ConfigureAwait(false);
                return false;
            default:
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await WireProtocol.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "AuthenticationFailed",
                    "the Authorization header does not carry this location server's bearer token", WireProtocol.AuthenticationError).ConfigureAwait(false);
                return false;
        }
    }
}
