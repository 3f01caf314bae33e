using System.Diagnostics;

namespace Bench.Harness;

/// <summary>Small measuring helpers shared by the suites: repeated runs, medians, percentiles, allocations.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="run"/> (which returns operations per second) once to warm up, then
    /// <paramref name="rounds"/> times, and returns the median.</summary>
    public static async Task<double> MedianRateAsync(Func<Task<double>> run, int rounds = 5)
    {
        await run();
        var results = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            results[i] = await run();
        }
        Array.Sort(results);
        return results[rounds / 2];
    }

    /// <summary>
    /// The median rates of <paramref name="subject"/> and <paramref name="baseline"/> (each returning
    /// operations per second), run in alternation after a warm-up of each: both see the same machine,
    /// even when its speed drifts (a shared machine's does, by tens of percent over a minute).
    /// </summary>
    public static async Task<(double Subject, double Baseline)> AlternatingMedianRatesAsync(Func<Task<double>> subject, Func<Task<double>> baseline, int rounds)
    {
        await subject();
        await baseline();
        var (subjects, baselines) = (new double[rounds], new double[rounds]);
        for (var i = 0; i < rounds; i++)
        {
            baselines[i] = await baseline();
            subjects[i] = await subject();
        }
        Array.Sort(subjects);
        Array.Sort(baselines);
        return (subjects[rounds / 2], baselines[rounds / 2]);
    }

    /// <summary>Operations per second for <paramref name="operations"/> operations taking <paramref name="elapsed"/>.</summary>
    public static double Rate(long operations, TimeSpan elapsed) => operations / elapsed.TotalSeconds;

    /// <summary>The value at percentile <paramref name="p"/> (0..100) of already sorted samples (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(sorted));
        }
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Bytes allocated on all threads while <paramref name="action"/> runs, after a full collection.</summary>
    public static async Task<long> AllocatedBytesAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>Elapsed time of <paramref name="action"/>.</summary>
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    /// <summary>
    /// Sorted durations of <paramref name="first"/> and of <paramref name="second"/>, each called
    /// <paramref name="count"/> times in sequence after a fifth as many warm-up calls, taken in
    /// alternating blocks of 500 so that both see the same machine state (idle cores wake slower
    /// than busy ones, which otherwise swings a ratio either way); in nanoseconds divided by
    /// <paramref name="nanosecondsPerUnit"/>, in the stopwatch's own resolution (a TimeSpan would
    /// round to 100 ns).
    /// </summary>
    public static async Task<(double[] First, double[] Second)> AlternatingAsync(Func<Task> first, Func<Task> second, int count, double nanosecondsPerUnit = 1)
    {
        var (a, b) = (new double[count], new double[count]);
        const int block = 500;
        for (var i = -count / 5; i < count; i += block)
        {
            await SampleAsync(first, a, i, block, nanosecondsPerUnit);
            await SampleAsync(second, b, i, block, nanosecondsPerUnit);
        }
        Array.Sort(a);
        Array.Sort(b);
        return (a, b);
    }

    private static async Task SampleAsync(Func<Task> call, double[] samples, int from, int block, double nanosecondsPerUnit)
    {
        for (var j = 0; j < block; j++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            // Negative indices are the warm-up.
            if (from + j >= 0 && from + j < samples.Length)
            {
                samples[from + j] = (Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency) / nanosecondsPerUnit;
            }
        }
    }
}
