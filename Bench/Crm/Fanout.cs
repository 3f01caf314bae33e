using System.Diagnostics;
using System.Threading.Channels;
using Bench.Harness;
using Csw.PubSub;

namespace Bench.Crm;

/// <summary>
/// One publisher, <c>subscribers</c> readers, every event to every reader: deliveries per second
/// until the last reader has the last event. Baseline: a loop writing each event into bare
/// bounded channels of the same size, one per reader.
/// </summary>
internal static class Fanout
{
    public static async Task<double> PubSubAsync(int subscribers, int events)
    {
        await using var rig = new BenchSystem("fanout");
        var system = rig.System;
        var pubSub = PubSub<int>.Start(system, options: new PubSubOptions { BufferSize = events });
        var subscriptions = Enumerable.Range(0, subscribers).Select(_ => pubSub.Subscribe()).ToList();
        await pubSub.SubscriberCountAsync();
        var readers = subscriptions.Select(s => Task.Run(() => ReadAsync(s.Reader, events))).ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            pubSub.Publish(i);
        }
        await Task.WhenAll(readers);
        return (double)subscribers * events / watch.Elapsed.TotalSeconds;
    }

    public static async Task<double> ChannelsAsync(int subscribers, int events)
    {
        var channels = Enumerable.Range(0, subscribers)
            .Select(_ => Channel.CreateBounded<int>(new BoundedChannelOptions(events) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true }))
            .ToList();
        var readers = channels.Select(c => Task.Run(() => ReadAsync(c.Reader, events))).ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryWrite(i);
            }
        }
        await Task.WhenAll(readers);
        return (double)subscribers * events / watch.Elapsed.TotalSeconds;
    }

    private static async Task ReadAsync(ChannelReader<int> reader, int events)
    {
        var seen = 0;
        while (seen < events && await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out _))
            {
                seen++;
            }
        }
    }
}
