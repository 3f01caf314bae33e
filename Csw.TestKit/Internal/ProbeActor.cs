using System.Threading.Channels;
using Csw.Actors;

namespace Csw.TestKit.Internal;

/// <summary>The actor behind a probe's reference: it writes every message into the probe's channel.</summary>
internal sealed class ProbeActor<T>(ChannelWriter<object?> received) : IActor<T>
{
    public ValueTask ReceiveAsync(IActorContext<T> context, T message)
    {
        received.TryWrite(message);
        return ValueTask.CompletedTask;
    }
}
