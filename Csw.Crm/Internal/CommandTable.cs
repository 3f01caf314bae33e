using System.Runtime.InteropServices;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>What recording a response did.</summary>
internal enum UpdateOutcome
{
    /// <summary>The response is now the command's latest.</summary>
    Recorded,

    /// <summary>A Started after the final response (very fast background work overtook it): ignored.</summary>
    LateStarted,

    /// <summary>A second final response: ignored; the first one wins.</summary>
    SecondFinal,
}

/// <summary>
/// The CRM's commands by runId, least recently used first in line to be forgotten. Keeps every
/// command in progress, the last <see cref="CrmOptions.Capacity"/> commands, and finished commands
/// used within <see cref="CrmOptions.Retention"/> (up to <see cref="CrmOptions.MaxRetained"/>).
/// Times are <see cref="Environment.TickCount64"/> milliseconds, passed in. Not thread-safe: used on
/// its actor's turn.
/// </summary>
internal sealed class CommandTable(CrmOptions options)
{
    /// <summary>The entries by runId.</summary>
    private readonly Dictionary<Id, CommandEntry> _byRunId = [];

    /// <summary>The same entries by recency of use, least recent first.</summary>
    private readonly RecencyList _byRecency = new();

    /// <summary>The retention in milliseconds.</summary>
    private readonly long _retention = (long)options.Retention.TotalMilliseconds;

    public int Count => _byRunId.Count;

    /// <summary>The component whose commands these are, as the tag of <see cref="CrmTelemetry"/>'s size.</summary>
    public KeyValuePair<string, object?> SizeTag { get; set; } = CrmTelemetry.ComponentTag("");

    /// <summary>
    /// Records a response. For a final response of a known command, <paramref name="waiters"/> are
    /// the QueryFinal callers to hand it to (taken out of the entry); null when none.
    /// </summary>
    public UpdateOutcome Update(ISubmitResponse response, long now, out List<Waiter>? waiters, out ISubmitResponse? previous)
    {
        waiters = null;
        previous = null;
        // One lookup both finds a known command and makes room for a new one (most are new and final at once).
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byRunId, response.RunId, out var known);
        if (!known)
        {
            slot = new CommandEntry(response.RunId, response);
            _byRecency.AddNewest(slot, now);
            CrmTelemetry.Changed(SizeTag, 1);
            Evict(now);
            return UpdateOutcome.Recorded;
        }
        var entry = slot!;
        _byRecency.MoveToNewest(entry, now);
        if (entry.IsFinished)
        {
            previous = entry.Latest;
            return response.IsFinal ? UpdateOutcome.SecondFinal : UpdateOutcome.LateStarted;
        }
        entry.Latest = response;
        if (response.IsFinal)
        {
            waiters = entry.Waiters;
            entry.Waiters = null;
            Evict(now);
        }
        return UpdateOutcome.Recorded;
    }

    /// <summary>The entry, marked as used at <paramref name="now"/>; null if unknown.</summary>
    public CommandEntry? Find(Id runId, long now)
    {
        if (!_byRunId.TryGetValue(runId, out var entry))
        {
            return null;
        }
        _byRecency.MoveToNewest(entry, now);
        return entry;
    }

    /// <summary>
    /// Adds a QueryFinal caller to a command in progress; false when <paramref name="limit"/> callers
    /// wait already, after dropping those whose own timeout has passed.
    /// </summary>
    public static bool TryAddWaiter(CommandEntry entry, Waiter waiter, int limit, long now)
    {
        var waiters = entry.Waiters ??= [];
        if (waiters.Count >= limit)
        {
            waiters.RemoveAll(w => w.GivesUpAt <= now);
            if (waiters.Count >= limit)
            {
                return false;
            }
        }
        waiters.Add(waiter);
        return true;
    }

    /// <summary>The commands still in progress, least recently used first.</summary>
    public List<CommandEntry> Running() => [.. _byRecency.OldestFirst().Where(entry => !entry.IsFinished)];

    /// <summary>Every entry, least recently used first.</summary>
    public IEnumerable<CommandEntry> OldestFirst() => _byRecency.OldestFirst();

    /// <summary>
    /// Forgets least recently used finished commands beyond <see cref="CrmOptions.Capacity"/> that
    /// are older than the retention (or beyond <see cref="CrmOptions.MaxRetained"/>); never the one
    /// just used, so a final response is always there to be queried right after it was recorded.
    /// </summary>
    public void Evict(long now)
    {
        var entry = _byRecency.Oldest;
        while (_byRunId.Count > options.Capacity && entry is not null && entry != _byRecency.Newest)
        {
            // The list is ordered by last use: once one is young enough, so are all after it.
            if (now - entry.LastUsed < _retention && _byRunId.Count <= options.MaxRetained)
            {
                return;
            }
            var newer = entry.Newer;
            if (entry.IsFinished)
            {
                _byRecency.Remove(entry);
                _byRunId.Remove(entry.RunId);
                CrmTelemetry.Changed(SizeTag, -1);
            }
            entry = newer;
        }
    }
}
