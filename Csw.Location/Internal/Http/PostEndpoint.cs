using System.Buffers;
using Csw.Location.Messages;
using Csw.Params;
using Csw.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Http;

/// <summary>
/// <c>POST /post-endpoint</c>: one location request in CSW's JSON, answered as CSW's location server
/// answers it (a location, <c>"Done"</c>, or an array of locations; an Option is an array of none or one).
/// </summary>
internal sealed class PostEndpoint(ILocationService backend, LocationServerOptions options, ILogger log, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed",
                $"{WireProtocol.PostPath} takes POST requests carrying a location request in CSW's JSON, not {context.Request.Method}").ConfigureAwait(false);
            return;
        }
        if (!EdgePolicy.IsJson(context.Request))
        {
            // A web page may send a form or text/plain elsewhere without asking first; JSON it may not.
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"{WireProtocol.PostPath} takes 'Content-Type: application/json', not '{context.Request.ContentType}'").ConfigureAwait(false);
            return;
        }
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        LocationRequest request;
        try
        {
            request = LocationJson.Deserialize<LocationRequest>(body);
        }
        catch (CswJsonException e)
        {
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"not a location request: {e.Message}").ConfigureAwait(false);
            return;
        }
        await AnswerAsync(context, request).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context, LocationRequest request)
    {
        var name = request.GetType().Name;
        // A waiting Resolve ends when the server stops, rather than hold up its shutdown.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            var answer = await ExecuteAsync(request, ended.Token).ConfigureAwait(false);
            await WireProtocol.WriteJsonAsync(context, StatusCodes.Status200OK, answer).ConfigureAwait(false);
        }
        catch (LocationServiceException e) when (e is OtherLocationIsRegisteredException or RegistrationFailedException or UnregistrationFailedException or RegistrationListingFailedException)
        {
            await WireProtocol.WriteJsonAsync(context, StatusCodes.Status500InternalServerError, LocationJson.SerializeToUtf8Bytes(e), WireProtocol.DomainError).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The backend refused a value the codec let through, e.g. a negative Resolve within.
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", $"{name}: {e.Message}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. it cancelled a Resolve): nobody to answer.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", $"the location server is stopping; {name} was not answered").ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogError(e, "The location service failed on a {Request} request", name);
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, e.GetType().Name, $"{name} failed: {e.Message}").ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ExecuteAsync(LocationRequest request, CancellationToken ct)
    {
        switch (request)
        {
            case Register register:
                var result = await backend.RegisterAsync(register.Registration, ct).ConfigureAwait(false);
                return LocationJson.SerializeToUtf8Bytes(result.Location);
            case Unregister unregister:
                await backend.UnregisterAsync(unregister.Connection, ct).ConfigureAwait(false);
                return WireProtocol.Done;
            case UnregisterAll:
                await backend.UnregisterAllAsync(ct).ConfigureAwait(false);
                return WireProtocol.Done;
            case Find find:
                return Option(await backend.FindAsync(find.Connection, ct).ConfigureAwait(false));
            case Resolve resolve:
                return Option(await backend.ResolveAsync(resolve.Connection, resolve.Within, ct).ConfigureAwait(false));
            case ListEntries:
                return List(await backend.ListAsync(ct).ConfigureAwait(false));
            case ListByComponentType byComponentType:
                return List(await backend.ListAsync(byComponentType.ComponentType, ct).ConfigureAwait(false));
            case ListByHostname byHostname:
                return List(await backend.ListByHostnameAsync(byHostname.Hostname, ct).ConfigureAwait(false));
            case ListByConnectionType byConnectionType:
                return List(await backend.ListAsync(byConnectionType.ConnectionType, ct).ConfigureAwait(false));
            case ListByPrefix byPrefix:
                return List(await backend.ListByPrefixAsync(byPrefix.Prefix, ct).ConfigureAwait(false));
            default:
                throw new ArgumentException($"{request.GetType().Name} is not a request this server answers");
        }
    }

    /// <summary>CSW writes an <c>Option[Location]</c> as an array of none or one.</summary>
    private static byte[] Option(Location? location) => List(location is null ? [] : [location]);

    private static byte[] List(IReadOnlyList<Location> locations) => LocationJson.SerializeToUtf8Bytes(locations);

    /// <summary>The body, at most <see cref="LocationServerOptions.MaxRequestBytes"/> within the request timeout; null when an error answer has been written.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var limit = options.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit).ConfigureAwait(false);
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.RequestTimeout);
        // Sized from the declared length, but never trusting it for more than 64 KiB up front.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Math.Min(context.Request.ContentLength ?? 4096, limit) + 1, 64 * 1024));
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(4096), timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    await TooLargeAsync(context, limit).ConfigureAwait(false);
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            log.LogWarning("A client at {Remote} took over {Timeout} to send a request body; answered 408", context.Connection.RemoteIpAddress, options.RequestTimeout);
            await WireProtocol.WriteErrorAsync(context, StatusCodes.Status408RequestTimeout, "RequestTimeout",
                $"the request body did not arrive within {options.RequestTimeout.TotalSeconds:0.###} s").ConfigureAwait(false);
            return null;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits: a body arriving slower than its minimum data rate, a body over its size limit.
            await WireProtocol.WriteErrorAsync(context, e.StatusCode, "BadRequest", $"the request body could not be read: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        WireProtocol.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"the request body is larger than this location server's limit of {limit} bytes");
}
