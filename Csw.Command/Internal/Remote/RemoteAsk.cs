using Akka.Actor;

namespace Csw.Command.Internal.Remote;

/// <summary>Akka's Ask for actors in other processes (its reply address is registered, so it can be reached over the wire), with CswNet's timeout exception.</summary>
internal static class RemoteAsk
{
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
}
