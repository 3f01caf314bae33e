using System.Threading.Channels;
using Akka.Actor;

namespace Csw.PubSub.Internal;

/// <summary>
/// One subscriber as the pub/sub actor sees it: an identity, an optional filter of names, and
/// where its events go — its own bounded buffer, or (for a subscriber actor) its mailbox.
/// </summary>
internal sealed record Subscriber<TEvent>(object Identity, IReadOnlySet<string>? Names, ChannelWriter<TEvent>? Buffer, IActorRef? Actor)
{
    /// <summary>Hands over one event; never blocks (a full buffer drops its oldest event).</summary>
    public void Deliver(TEvent published)
    {
        if (Buffer is not null)
        {
            Buffer.TryWrite(published);
        }
        else
        {
            Actor!.Tell(published, ActorRefs.NoSender);
        }
    }

    /// <summary>Ends the subscriber's stream (a buffer), with <paramref name="error"/> when it was refused.</summary>
    public void Complete(Exception? error = null) => Buffer?.TryComplete(error);
}
