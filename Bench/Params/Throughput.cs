using System.Diagnostics;

namespace Bench.Params;

/// <summary>Synchronous measuring loops: operations per second and bytes allocated per operation.</summary>
internal static class Throughput
{
    /// <summary>
    /// Operations per second of <paramref name="subject"/> and of <paramref name="baseline"/>: many short rounds of
    /// about <paramref name="roundTime"/> each, alternating between the two so that a burst of load from other
    /// processes hits both alike; the median round of each.
    /// </summary>
    public static (double Subject, double Baseline) Compare(Action subject, Action baseline, TimeSpan roundTime, int rounds = 31)
    {
        var subjectCount = Calibrate(subject, roundTime);
        var baselineCount = Calibrate(baseline, roundTime);
        var subjectRates = new double[rounds];
        var baselineRates = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            subjectRates[i] = Rate(subject, subjectCount);
            baselineRates[i] = Rate(baseline, baselineCount);
        }
        Array.Sort(subjectRates);
        Array.Sort(baselineRates);
        return (subjectRates[rounds / 2], baselineRates[rounds / 2]);
    }

    /// <summary>Bytes allocated by the current thread per call of <paramref name="operation"/>.</summary>
    public static double BytesPerOperation(Action operation, int count)
    {
        Run(operation, 10);
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(operation, count);
        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / count;
    }

    /// <summary>How many operations fit in a round; running them also warms up the JIT.</summary>
    private static int Calibrate(Action operation, TimeSpan roundTime)
    {
        var count = 1;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            watch.Restart();
            Run(operation, count);
            if (watch.Elapsed >= roundTime / 4)
            {
                return (int)Math.Max(1, count * (roundTime / watch.Elapsed));
            }
            count *= 2;
        }
    }

    private static double Rate(Action operation, int count)
    {
        var watch = Stopwatch.StartNew();
        Run(operation, count);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Run(Action operation, int count)
    {
        for (var i = 0; i < count; i++)
        {
            operation();
        }
    }
}
