using System.Diagnostics;
using Csw.Actors.Internal;

namespace Csw.Actors.Tests.Internal;

public sealed class TimeoutWheelTests
{
    [Fact]
    public async Task Add_Timeout_ExpiresOnceNotBeforeDeadline()
    {
        var entry = new Entry();
        var started = Stopwatch.StartNew();
        TimeoutWheel.Shared.Add(entry, TimeSpan.FromMilliseconds(50));
        await entry.Expired.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(45), $"expired after {started.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(1, entry.Count);
        Assert.False(TimeoutWheel.Shared.Remove(entry));
    }

    [Fact]
    public async Task Remove_BeforeDeadline_NeverExpires()
    {
        var removed = new Entry();
        var witness = new Entry();
        TimeoutWheel.Shared.Add(removed, TimeSpan.FromMilliseconds(20));
        TimeoutWheel.Shared.Add(witness, TimeSpan.FromMilliseconds(60));
        Assert.True(TimeoutWheel.Shared.Remove(removed));
        Assert.False(TimeoutWheel.Shared.Remove(removed));
        await witness.Expired.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, removed.Count);
    }

    [Fact]
    public async Task Add_LongerThanOneRevolution_NotExpiredEarly()
    {
        // 512 buckets of 10 ms: a 6 s timeout lands in a bucket swept every 5.12 s.
        var far = new Entry();
        var near = new Entry();
        TimeoutWheel.Shared.Add(far, TimeSpan.FromSeconds(6));
        TimeoutWheel.Shared.Add(near, TimeSpan.FromMilliseconds(30));
        await near.Expired.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, far.Count);
        Assert.True(TimeoutWheel.Shared.Remove(far));
    }

    [Fact]
    public async Task Add_ManyFromManyThreads_AllExpire()
    {
        var entries = Enumerable.Range(0, 2000).Select(_ => new Entry()).ToArray();
        await Task.WhenAll(entries.Chunk(500).Select(chunk => Task.Run(() =>
        {
            foreach (var entry in chunk)
            {
                TimeoutWheel.Shared.Add(entry, TimeSpan.FromMilliseconds(Random.Shared.Next(1, 50)));
            }
        })));
        await Task.WhenAll(entries.Select(e => e.Expired.Task)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(entries, e => Assert.Equal(1, e.Count));
    }

    private sealed class Entry : ITimeoutEntry
    {
        public int Count;

        public TaskCompletionSource Expired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TimeoutWheel.Bucket? Bucket { get; set; }

        public ITimeoutEntry? Previous { get; set; }

        public ITimeoutEntry? Next { get; set; }

        public long Deadline { get; set; }

        public void Expire()
        {
            Interlocked.Increment(ref Count);
            Expired.TrySetResult();
        }
    }
}
