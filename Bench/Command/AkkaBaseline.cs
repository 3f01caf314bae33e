using System.Diagnostics;
using Akka.Actor;
using Bench.Harness;
using Csw.Framework;

namespace Bench.Command;

/// <summary>
/// The raw Akka.NET figures the framework's are measured against: an Ask round trip to an echo
/// actor, and the memory of an idle actor.
/// </summary>
internal static class AkkaBaseline
{
    /// <summary>A reference-type message, as most actors take.</summary>
    private sealed record Poke(int Number);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(CountdownEvent handled) => Receive<Poke>(_ => { handled.Signal(); });
    }

    private static readonly Poke Ping = new(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>An echo actor in <paramref name="system"/>.</summary>
    public static IActorRef StartEcho(ActorSystem system) => system.ActorOf(Props.Create(() => new Echo()));

    /// <summary>One bare Ask round trip to <paramref name="echo"/>.</summary>
    public static Task AskEchoAsync(IActorRef echo) => echo.Ask<Poke>(Ping, Timeout);

    /// <summary>Asks per second with <paramref name="callers"/> concurrent callers on one echo actor.</summary>
    public static async Task<double> AskThroughputAsync(int callers, int perCaller)
    {
        var system = CswActorSystem.Create("ask-throughput");
        try
        {
            var echo = StartEcho(system);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    await AskEchoAsync(echo);
                }
            })));
            return Measure.Rate((long)callers * perCaller, watch.Elapsed);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Bytes per idle actor: <paramref name="count"/> actors each started and having handled one message.</summary>
    public static async Task<double> IdleActorBytesAsync(int count)
    {
        var system = CswActorSystem.Create("idle");
        try
        {
            using var handled = new CountdownEvent(count);
            var props = Props.Create(() => new Idle(handled));
            var poke = new Poke(0);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var actors = new IActorRef[count];
            for (var i = 0; i < count; i++)
            {
                actors[i] = system.ActorOf(props);
                actors[i].Tell(poke);
            }
            await Task.Run(() => handled.Wait());
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(actors);
            return (double)(after - before) / count;
        }
        finally
        {
            await system.Terminate();
        }
    }
}
