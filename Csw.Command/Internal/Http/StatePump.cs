using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>Sends one subscription's states to a session, as fast as the client reads them, until the stream is cancelled or ends.</summary>
internal static class StatePump
{
    /// <summary>
    /// Pumps <paramref name="subscription"/> as stream <paramref name="id"/>, then releases it, says
    /// "end" and counts the stream out of <paramref name="work"/>. Never throws: a failure is logged.
    /// </summary>
    public static async Task RunAsync(long id, StateStream subscription, CancellationTokenSource stop, FrameSender sender, SessionWork work, ILogger log)
    {
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
        catch (Exception e)
        {
            log.LogError(e, "CurrentState stream {Id} of a command session failed", id);
        }
        finally
        {
            sender.Send(new Outgoing(id, EnvelopeKind.End, null));
            work.Finish(id, stop);
        }
    }
}
