using System.Diagnostics;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// Sends a request, and over a transport that <see cref="ICommandTransport.Deduplicates"/> sends it
/// again, with the same request id, when the connection broke before the answer came or could not
/// be opened, until the answer comes or the timeout passes. The endpoint runs a Submit or Oneway
/// once however often it arrives, and answers each repeat with the original answer; Validate and
/// Query change nothing. This is what makes a lost answer safe to ask for again.
/// </summary>
internal static class RequestRetries
{
    /// <summary>The first pause before sending again; it doubles up to a second.</summary>
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);

    public static async Task<ICommandResponse> SendAsync(ICommandTransport transport, CommandServiceRequest request, string? requestId, TimeSpan timeout, ILogger log, string target, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        var tries = 0;
        while (true)
        {
            var left = timeout - Stopwatch.GetElapsedTime(started);
            Exception failure;
            try
            {
                tries++;
                return await transport.RequestAsync(request, requestId, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionLostException e)
            {
                failure = e;
            }
            catch (CommandServiceException e) when (e.ErrorName == ErrorBody.Unavailable && transport.Deduplicates)
            {
                failure = e;
            }
            var name = request.GetType().Name;
            if (!transport.Deduplicates || Stopwatch.GetElapsedTime(started) + delay >= timeout)
            {
                throw failure is CommandServiceException refusal
                    ? refusal
                    : new CommandServiceException(ErrorBody.Unavailable, GaveUp(target, name, requestId, tries, failure), failure);
            }
            log.LogDebug("{Request} to {Target} (request id {RequestId}): {Reason}; sending it again in {Delay} ms", name, target, requestId, failure.Message, delay.TotalMilliseconds);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    private static string GaveUp(string target, string request, string? requestId, int tries, Exception failure) =>
        request is nameof(Submit) or nameof(Oneway)
            ? $"The connection to {target} broke before the {request} was answered ({tries} tries with request id {requestId}); it ran at most once, and whether it ran is unknown. {failure.Message}"
            : $"The connection to {target} broke before the {request} was answered ({tries} tries). {failure.Message}";
}
