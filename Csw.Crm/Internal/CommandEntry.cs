using Akka.Actor;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>
/// What the CRM remembers of one command: its latest response, who waits for the final one, when it
/// was last used, and its place in the <see cref="RecencyList"/> (the entry is its own list node:
/// one allocation per command).
/// </summary>
internal sealed class CommandEntry(Id runId, ISubmitResponse latest)
{
    /// <summary>The command's runId, the entry's key.</summary>
    public Id RunId { get; } = runId;

    /// <summary>The latest response; final once the command has finished.</summary>
    public ISubmitResponse Latest { get; set; } = latest;

    /// <summary>QueryFinal callers waiting for the final response; null when none.</summary>
    public List<Waiter>? Waiters { get; set; }

    /// <summary>When the entry was last updated or queried (<see cref="Environment.TickCount64"/>).</summary>
    public long LastUsed { get; set; }

    /// <summary>The entry used just before this one; null for the least recently used.</summary>
    public CommandEntry? Older { get; set; }

    /// <summary>The entry used just after this one; null for the most recently used.</summary>
    public CommandEntry? Newer { get; set; }

    public bool IsFinished => Latest.IsFinal;
}

/// <summary>A QueryFinal caller: where the final response goes, and when the caller stops waiting (<see cref="Environment.TickCount64"/>; <see cref="long.MaxValue"/> for never).</summary>
internal readonly record struct Waiter(IActorRef ReplyTo, long GivesUpAt);
