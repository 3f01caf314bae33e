using Csw.Actors.Internal.Mailboxes;

namespace Csw.Actors.Tests.Internal.Mailboxes;

public sealed class MpscSegmentTests
{
    [Fact]
    public void TryEnqueue_UpToLength_ThenFull()
    {
        var segment = new MpscSegment<int>(4);
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(segment.TryEnqueue(i)));
        Assert.False(segment.TryEnqueue(4));
    }

    [Fact]
    public void TryDequeue_AfterWrapAround_FifoOrder()
    {
        var segment = new MpscSegment<int>(2);
        var taken = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(segment.TryEnqueue(i));
            Assert.True(segment.HasItem);
            Assert.True(segment.TryDequeue(out var item));
            taken.Add(item);
        }
        Assert.False(segment.HasItem);
        Assert.False(segment.TryDequeue(out _));
        Assert.Equal(Enumerable.Range(0, 10), taken);
    }

    [Fact]
    public void Freeze_WithItems_RefusesNewItemsAndDrainsOld()
    {
        var segment = new MpscSegment<int>(4);
        segment.TryEnqueue(1);
        segment.TryEnqueue(2);
        segment.Freeze();
        Assert.False(segment.TryEnqueue(3));
        Assert.False(segment.IsDrained);
        Assert.True(segment.TryDequeue(out var first));
        Assert.True(segment.TryDequeue(out var second));
        Assert.Equal((1, 2), (first, second));
        Assert.True(segment.IsDrained);
    }

    [Fact]
    public async Task TryEnqueue_ManyProducers_EveryItemOnceInProducerOrder()
    {
        var segment = new MpscSegment<int>(64);
        const int perProducer = 20_000;
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                while (!segment.TryEnqueue((p * perProducer) + i))
                {
                    Thread.Yield();
                }
            }
        })).ToArray();
        var last = new[] { -1, -1, -1, -1 };
        var taken = 0;
        while (taken < 4 * perProducer)
        {
            if (segment.TryDequeue(out var item))
            {
                var producer = item / perProducer;
                Assert.Equal(last[producer] + 1, item % perProducer);
                last[producer] = item % perProducer;
                taken++;
            }
            else
            {
                Thread.Yield();
            }
        }
        await Task.WhenAll(producers);
        Assert.False(segment.TryDequeue(out _));
    }
}
