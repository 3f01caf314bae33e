using Akka.Actor;

namespace Csw.Command.Internal.Remote;

/// <summary>Akka's Ask for actors in other processes (its reply address is registered, so it can be reached over the wire), with CswNet's timeout exception.</summary>
internal static class RemoteAsk
{
    /// <summary>How long one try of an idempotent request waits before it is sent again.</summary>
    internal static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(2);

    public static async Task<TReply> AskAsync<TReply>(IActorRef target, Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await target.Ask<TReply>(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"No reply from {target.Path} within {timeout.TotalMilliseconds:0} ms: it is slow, or its process or the network is gone.", e);
        }
    }

    /// <summary>
    /// Asks, and asks again with the same request every <see cref="ResendInterval"/> until an answer
    /// comes or <paramref name="timeout"/> passes: Akka.Remote may drop a message when a connection
    /// breaks, and the request id in the message makes a repeat safe (the component answers it with
    /// the original answer).
    /// </summary>
    public static async Task<TReply> AskIdempotentAsync<TReply>(IActorRef target, Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var wait = left < ResendInterval * 1.5 ? left : ResendInterval;
            try
            {
                return await target.Ask<TReply>(request, wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
            }
            catch (AskTimeoutException e) when (wait >= left)
            {
                throw new TimeoutException($"No reply from {target.Path} within {timeout.TotalMilliseconds:0} ms: it is slow, or its process or the network is gone.", e);
            }
            catch (AskTimeoutException)
            {
                // Sent again below, with the same request id.
            }
        }
    }
}
