using System.Diagnostics;
using System.Threading.Channels;
using Csw.Actors;

namespace Bench.Kernel;

/// <summary>Sequential request/reply: ask on an echo actor, and the raw baseline over two bare channels.</summary>
internal static class Ask
{
    internal sealed record Request(ActorRef<Reply> ReplyTo);

    internal sealed record Reply(int Value);

    /// <summary>Nanoseconds per ask round trip, and bytes allocated per ask (on all threads).</summary>
    public static async Task<(double Nanoseconds, double Bytes)> ActorsAsync(int count)
    {
        await using var system = ActorSystem.Create("ask");
        var echo = system.Spawn(Props.FromFunc<Request>((_, request) => request.ReplyTo.Tell(new Reply(1))));
        await RunAsync(echo, count / 10);
        var watch = Stopwatch.StartNew();
        await RunAsync(echo, count);
        var nanoseconds = watch.Elapsed.TotalNanoseconds / count;
        var bytes = await Harness.Measure.AllocatedBytesAsync(() => RunAsync(echo, count));
        return (nanoseconds, (double)bytes / count);
    }

    /// <summary>Nanoseconds per request/reply round trip over bare channels, and bytes allocated per round trip.</summary>
    public static async Task<(double Nanoseconds, double Bytes)> ChannelsAsync(int count)
    {
        var requests = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var replies = Channel.CreateUnbounded<Reply>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var server = Task.Run(async () =>
        {
            await foreach (var _ in requests.Reader.ReadAllAsync())
            {
                replies.Writer.TryWrite(new Reply(1));
            }
        });
        await RoundTripsAsync(requests.Writer, replies.Reader, count / 10);
        var watch = Stopwatch.StartNew();
        await RoundTripsAsync(requests.Writer, replies.Reader, count);
        var nanoseconds = watch.Elapsed.TotalNanoseconds / count;
        var bytes = await Harness.Measure.AllocatedBytesAsync(() => RoundTripsAsync(requests.Writer, replies.Reader, count));
        requests.Writer.Complete();
        await server;
        return (nanoseconds, (double)bytes / count);
    }

    private static async Task RunAsync(ActorRef<Request> echo, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await echo.AskAsync<Reply>(static replyTo => new Request(replyTo));
        }
    }

    private static async Task RoundTripsAsync(ChannelWriter<int> requests, ChannelReader<Reply> replies, int count)
    {
        for (var i = 0; i < count; i++)
        {
            requests.TryWrite(i);
            await replies.ReadAsync();
        }
    }
}
