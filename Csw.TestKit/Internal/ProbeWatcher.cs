using System.Threading.Channels;
using Csw.Actors;

namespace Csw.TestKit.Internal;

/// <summary>Watches the actors a probe is asked about and writes their <see cref="Terminated"/> into the probe's channel.</summary>
internal sealed class ProbeWatcher(ChannelWriter<object?> received) : IActor<ActorRef>
{
    public ValueTask ReceiveAsync(IActorContext<ActorRef> context, ActorRef actor)
    {
        context.Watch(actor);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<ActorRef> context, Signal signal)
    {
        if (signal is Terminated terminated)
        {
            received.TryWrite(terminated);
        }
        return ValueTask.CompletedTask;
    }
}
