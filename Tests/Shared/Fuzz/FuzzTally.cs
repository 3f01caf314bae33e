using System.Collections.Concurrent;

namespace Csw.Tests.Shared.Fuzz;

/// <summary>What a fuzzing run sent and how the servers answered.</summary>
internal sealed class FuzzTally
{
    private long _requests;
    private long _unanswered;
    private long _resolveWaits;
    private long _healthChecks;
    private long _healthFailures;

    /// <summary>Inputs sent.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Inputs the server neither answered nor closed on within the answer timeout.</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    /// <summary>Location requests still waiting at the timeout because they are valid Resolves told to wait longer (the server is doing what it was asked).</summary>
    public long ResolveWaits => Interlocked.Read(ref _resolveWaits);

    /// <summary>Valid requests sent after each batch.</summary>
    public long HealthChecks => Interlocked.Read(ref _healthChecks);

    /// <summary>Valid requests that were not served correctly.</summary>
    public long HealthFailures => Interlocked.Read(ref _healthFailures);

    /// <summary>How many inputs of each target got each kind of answer, e.g. <c>command-post 400</c>.</summary>
    public ConcurrentDictionary<string, long> Outcomes { get; } = new();

    /// <summary>A few of the unanswered inputs, for the report.</summary>
    public ConcurrentQueue<string> UnansweredSamples { get; } = new();

    public void Answered(string target, string outcome)
    {
        Interlocked.Increment(ref _requests);
        Outcomes.AddOrUpdate($"{target} {outcome}", 1, (_, n) => n + 1);
    }

    public void NotAnswered(string target, byte[] input)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _unanswered);
        Outcomes.AddOrUpdate($"{target} unanswered", 1, (_, n) => n + 1);
        if (UnansweredSamples.Count < 5)
        {
            UnansweredSamples.Enqueue($"{target}: {System.Text.Encoding.UTF8.GetString(input.AsSpan(0, Math.Min(input.Length, 300)))}");
        }
    }

    public void ResolveWaited()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _resolveWaits);
    }

    public void Health(bool served)
    {
        Interlocked.Increment(ref _healthChecks);
        if (!served)
        {
            Interlocked.Increment(ref _healthFailures);
        }
    }

    public override string ToString() =>
        $"{Requests} requests, {Unanswered} unanswered, {ResolveWaits} Resolve waits, {HealthFailures} of {HealthChecks} health checks failed; "
        + string.Join(", ", Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}"))
        + (UnansweredSamples.IsEmpty ? "" : "; unanswered e.g. " + string.Join(" | ", UnansweredSamples));
}
