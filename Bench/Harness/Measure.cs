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
}
