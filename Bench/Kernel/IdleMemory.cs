using System.Threading.Channels;
using Csw.Actors;

namespace Bench.Kernel;

/// <summary>
/// Bytes per idle actor: <c>count</c> actors each started and having handled one message, then
/// idle. Baseline: the raw equivalent of an idle actor, a bare channel with a task awaiting it.
/// </summary>
internal static class IdleMemory
{
    /// <summary>A reference-type message, as most actors take: mailbox slots hold a reference.</summary>
    private sealed record Poke(int Number);

    private sealed class IdleActor(CountdownEvent handled) : IActor<Poke>
    {
        public ValueTask ReceiveAsync(IActorContext<Poke> context, Poke message)
        {
            handled.Signal();
            return ValueTask.CompletedTask;
        }
    }

    public static async Task<double> ActorsAsync(int count)
    {
        await using var system = ActorSystem.Create("idle");
        using var handled = new CountdownEvent(count);
        var props = Props.Create<Poke>(() => new IdleActor(handled));
        var poke = new Poke(0);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var actors = new ActorRef<Poke>[count];
        for (var i = 0; i < count; i++)
        {
            actors[i] = system.Spawn(props);
            actors[i].Tell(poke);
        }
        await Task.Run(() => handled.Wait());
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(actors);
        return (double)(after - before) / count;
    }

    public static async Task<double> ChannelsAsync(int count)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var channels = new Channel<Poke>[count];
        var poke = new Poke(0);
        var readers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            channels[i] = Channel.CreateUnbounded<Poke>();
            readers[i] = DrainAsync(channels[i].Reader);
            channels[i].Writer.TryWrite(poke);
        }
        await Task.Yield();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var channel in channels)
        {
            channel.Writer.Complete();
        }
        await Task.WhenAll(readers);
        return (double)(after - before) / count;
    }

    private static async Task DrainAsync(ChannelReader<Poke> reader)
    {
        await foreach (var _ in reader.ReadAllAsync())
        {
        }
    }
}
