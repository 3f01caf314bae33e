using System.Diagnostics;

namespace Csw.Crm.Internal;

/// <summary>
/// The CRM's entries by recency of use, least recent first: a doubly linked list threaded through
/// the entries themselves, so that remembering a command allocates no separate node. Each entry
/// is stamped with the time it became the newest, so the list is ordered by that time too.
/// </summary>
internal sealed class RecencyList
{
    /// <summary>The least recently used entry; null when empty.</summary>
    public CommandEntry? Oldest { get; private set; }

    /// <summary>The most recently used entry; null when empty.</summary>
    public CommandEntry? Newest { get; private set; }

    /// <summary>Appends an entry that is in no list, used at <paramref name="now"/>.</summary>
    public void AddNewest(CommandEntry entry, long now)
    {
        Debug.Assert(entry.Older is null && entry.Newer is null && entry != Oldest);
        entry.LastUsed = now;
        entry.Older = Newest;
        if (Newest is null)
        {
            Oldest = entry;
        }
        else
        {
            Newest.Newer = entry;
        }
        Newest = entry;
    }

    /// <summary>Takes an entry out of the list.</summary>
    public void Remove(CommandEntry entry)
    {
        if (entry.Older is null)
        {
            Oldest = entry.Newer;
        }
        else
        {
            entry.Older.Newer = entry.Newer;
        }
        if (entry.Newer is null)
        {
            Newest = entry.Older;
        }
        else
        {
            entry.Newer.Older = entry.Older;
        }
        entry.Older = entry.Newer = null;
    }

    /// <summary>Marks an entry in the list as used at <paramref name="now"/>.</summary>
    public void MoveToNewest(CommandEntry entry, long now)
    {
        if (entry != Newest)
        {
            Remove(entry);
            AddNewest(entry, now);
        }
        else
        {
            entry.LastUsed = now;
        }
    }

    /// <summary>The entries, least recently used first.</summary>
    public IEnumerable<CommandEntry> OldestFirst()
    {
        for (var entry = Oldest; entry is not null; entry = entry.Newer)
        {
            yield return entry;
        }
    }
}
