using System.Diagnostics;
using System.Threading.Channels;
using Bench.Harness;
using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Params;

namespace Bench.Command;

/// <summary>SubmitAndWait of an immediately completing command through the local CommandService, against bare channel request/reply.</summary>
internal static class LocalSubmit
{
    private static readonly Prefix Client = Prefix.Parse("CSW.bench");

    /// <summary>Starts one component and waits until it is Running.</summary>
    public static async Task<IActorRef> StartAsync(ActorSystem system, string name)
    {
        var component = Component.Spawn(system, new ComponentInfo(Prefix.Parse($"CSW.{name}"), ComponentType.HCD), context => new BenchHcd(context));
        await Components.WaitRunningAsync(component);
        return component;
    }

    /// <summary>
    /// Sorted nanoseconds per SubmitAndWait and per bare Akka.NET Ask to an echo actor, both
    /// sequential, measured in alternating blocks in one actor system, so that both see the same
    /// machine state (idle cores wake slower than busy ones, which otherwise swings the ratio).
    /// </summary>
    public static async Task<(double[] Submit, double[] Ask)> LatenciesAsync(int count)
    {
        var system = CswActorSystem.Create("submit");
        try
        {
            var service = CommandServiceFactory.Make(await StartAsync(system, "latency"));
            var echo = AkkaBaseline.StartEcho(system);
            var setup = new Setup(Client, "go");
            return await Measure.AlternatingAsync(() => service.SubmitAndWaitAsync(setup), () => AkkaBaseline.AskEchoAsync(echo), count);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Nanoseconds since <paramref name="start"/>, in the stopwatch's resolution (a TimeSpan would round to 100 ns).</summary>
    private static double Nanoseconds(long start) => (Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency);

    /// <summary>Commands per second with <paramref name="callers"/> concurrent callers on one component.</summary>
    public static async Task<double> ThroughputAsync(int callers, int perCaller)
    {
        var system = CswActorSystem.Create("throughput");
        try
        {
            return await ThroughputAsync(system, callers, perCaller);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<double> ThroughputAsync(ActorSystem system, int callers, int perCaller)
    {
        var service = CommandServiceFactory.Make(await StartAsync(system, "throughput"));
        var setup = new Setup(Client, "go");
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await service.SubmitAndWaitAsync(setup);
            }
        })));
        return Measure.Rate((long)callers * perCaller, watch.Elapsed);
    }

    /// <summary>Sorted nanoseconds per bare channel request/reply round trip.</summary>
    public static async Task<double[]> ChannelLatenciesAsync(int count)
    {
        var requests = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var replies = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var server = Task.Run(async () =>
        {
            await foreach (var request in requests.Reader.ReadAllAsync())
            {
                replies.Writer.TryWrite(request);
            }
        });
        var samples = new double[count];
        for (var i = -count / 5; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            requests.Writer.TryWrite(i);
            await replies.Reader.ReadAsync();
            if (i >= 0)
            {
                samples[i] = Nanoseconds(start);
            }
        }
        requests.Writer.Complete();
        await server;
        Array.Sort(samples);
        return samples;
    }

    /// <summary>Round trips per second with <paramref name="callers"/> concurrent callers on one server task over bare channels.</summary>
    public static async Task<double> ChannelThroughputAsync(int callers, int perCaller)
    {
        var requests = Channel.CreateUnbounded<ChannelWriter<int>>(new UnboundedChannelOptions { SingleReader = true });
        var server = Task.Run(async () =>
        {
            await foreach (var replyTo in requests.Reader.ReadAllAsync())
            {
                replyTo.TryWrite(1);
            }
        });
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var replies = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            for (var i = 0; i < perCaller; i++)
            {
                requests.Writer.TryWrite(replies.Writer);
                await replies.Reader.ReadAsync();
            }
        })));
        var rate = Measure.Rate((long)callers * perCaller, watch.Elapsed);
        requests.Writer.Complete();
        await server;
        return rate;
    }
}
