namespace Csw.TestKit;

/// <summary>Waits for conditions in tests without fixed sleeps: retry until true or time is up.</summary>
public static class TestWaits
{
    /// <summary>Runs <paramref name="assertion"/> until it stops throwing.</summary>
    /// <param name="assertion">An assertion that may fail for a while.</param>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    /// <param name="interval">The pause between tries; 10 ms when null.</param>
    /// <exception cref="TestKitAssertionException">Time is up; the inner exception is the assertion's last failure.</exception>
    public static async Task AwaitAssertAsync(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        await AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, max, interval).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="assertion"/> until it stops throwing.</summary>
    /// <param name="assertion">An asynchronous assertion that may fail for a while.</param>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    /// <param name="interval">The pause between tries; 10 ms when null.</param>
    /// <exception cref="TestKitAssertionException">Time is up; the inner exception is the assertion's last failure.</exception>
    public static async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var wait = max ?? TestTime.DefaultTimeout;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new TestKitAssertionException($"The assertion did not pass within {wait.TotalMilliseconds:0} ms; its last failure: {e.Message}", e);
                }
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs <paramref name="block"/> and fails if it takes longer than <paramref name="max"/> (scaled).</summary>
    /// <param name="max">The unscaled limit.</param>
    /// <param name="block">The work.</param>
    public static async Task WithinAsync(TimeSpan max, Func<Task> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var limit = TestTime.Scale(max);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await block().ConfigureAwait(false);
        if (started.Elapsed > limit)
        {
            throw new TestKitAssertionException($"Expected the block to finish within {limit.TotalMilliseconds:0} ms but it took {started.Elapsed.TotalMilliseconds:0} ms.");
        }
    }
}
