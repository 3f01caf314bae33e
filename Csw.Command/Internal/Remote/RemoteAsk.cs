using Akka.Actor;

namespace Csw.Command.Internal.Remote;

/// <summary>Asking actors in other processes (Akka's Ask, or a <see cref="CommandChannel"/>), with CswNet's timeout exception.</summary>
internal static class RemoteAsk
{
    /// <summary>How long one try of an idempotent request waits before it is sent again.</summary>
    internal static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(2);

    /// <summary>Akka's Ask (its reply address is registered, so it can be reached over the wire).</summary>
    public static Task<TReply> AskAsync<TReply>(IActorRef target, Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        OnceAsync(target.Path, wait => target.Ask<TReply>(request, wait, cancellationToken), timeout);

    /// <summary>One try of <paramref name="ask"/>, given <paramref name="timeout"/>; its <see cref="AskTimeoutException"/> becomes a <see cref="TimeoutException"/> naming <paramref name="target"/>.</summary>
    public static async Task<TReply> OnceAsync<TReply>(ActorPath target, Func<TimeSpan, Task<TReply>> ask, TimeSpan timeout)
    {
        try
        {
            return await ask(timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw NoReply(target, timeout, e);
        }
    }

    /// <summary>
    /// Asks, and asks again with the same request every <see cref="ResendInterval"/> until an answer
    /// comes or <paramref name="timeout"/> passes: Akka.Remote may drop a message when a connection
    /// breaks, and the request id in the message makes a repeat safe (the component answers it with
    /// the original answer).
    /// </summary>
    public static async Task<TReply> RepeatingAsync<TReply>(ActorPath target, Func<TimeSpan, Task<TReply>> ask, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var wait = left < ResendInterval * 1.5 ? left : ResendInterval;
            try
            {
                return await ask(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
            }
            catch (AskTimeoutException e) when (wait >= left)
            {
                throw NoReply(target, timeout, e);
            }
            catch (AskTimeoutException)
            {
                // Sent again below, with the same request id.
            }
        }
    }

    private static TimeoutException NoReply(ActorPath target, TimeSpan timeout, Exception e) =>
        new($"No reply from {target} within {timeout.TotalMilliseconds:0} ms: it is slow, or its process or the network is gone.", e);
}
