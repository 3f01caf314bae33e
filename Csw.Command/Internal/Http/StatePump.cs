using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>Sends one subscription's states to a session, as fast as the client reads them, until the stream is cancelled or ends.</summary>
internal static class StatePump
{
    /// <summary>
    /// Pumps <paramref name="subscription"/> as stream <paramref name="id"/>, then releases it, says
    /// "end" (or, when the stream failed, the error) and counts the stream out of <paramref name="work"/>.
    /// Never throws: an unexpected failure is logged.
    /// </summary>
    public static async Task RunAsync(long id, StateStream subscription, CancellationTokenSource stop, FrameSender sender, SessionWork work, ILogger log)
    {
        var last = new Outgoing(id, EnvelopeKind.End, null);
        try
        {
            await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
            {
                await foreach (var state in subscription.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    sender.Send(new Outgoing(id, EnvelopeKind.State, state));
                    // A client that reads slowly slows the stream (whose buffer then drops the oldest states).
                    await sender.WaitForRoomAsync().WaitAsync(stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the client or the end of the session.
        }
        catch (Exception e) when (RequestDispatch.Describe(e) is { } error)
        {
            // A limit of the component (e.g. its subscribers) is the client's to hear; anything else is a bug.
            if (error.Name == ErrorBody.InternalError)
            {
                log.LogError(e, "CurrentState stream {Id} of a command session failed", id);
            }
            last = new Outgoing(id, EnvelopeKind.Error, new ErrorPayload(error.Name, error.Message));
        }
        finally
        {
            sender.Send(last);
            work.Finish(id, stop);
        }
    }
}
