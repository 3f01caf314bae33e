using Akka.Actor;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>One request id the CRM remembers: the command it admitted, and its answer once there is one.</summary>
internal sealed class RequestEntry(string requestId, Id runId, string commandName, bool isSubmit, long admittedAt)
{
    public string RequestId { get; } = requestId;

    /// <summary>The runId the command was given.</summary>
    public Id RunId { get; } = runId;

    /// <summary>The command's name, to tell a reused request id from a repeat.</summary>
    public string CommandName { get; } = commandName;

    /// <summary>A Submit (tracked by runId in the CRM), or a Oneway.</summary>
    public bool IsSubmit { get; } = isSubmit;

    /// <summary>When it was admitted or answered (<see cref="Environment.TickCount64"/>), for retention.</summary>
    public long Stamp { get; set; } = admittedAt;

    /// <summary>The first answer to the request; null until the component answered it.</summary>
    public ICommandResponse? Answer { get; set; }

    /// <summary>Repeats that arrived before the answer: they get it when it comes.</summary>
    public List<IActorRef>? Waiters { get; set; }
}

/// <summary>
/// The request ids of recent Submit and Oneway requests, so that a repeat gets the original runId
/// and answer instead of running the command again. Bounded by <see cref="CrmOptions.MaxRequestIds"/>
/// and by <see cref="CrmOptions.RequestIdRetention"/> after the answer; requests not yet answered
/// are never forgotten (they are bounded by the component's command queue). Not thread-safe.
/// </summary>
internal sealed class RequestTable(CrmOptions options)
{
    /// <summary>The entries by request id.</summary>
    private readonly Dictionary<string, RequestEntry> _byId = new(StringComparer.Ordinal);

    /// <summary>The entries in the order they were admitted, oldest first.</summary>
    private readonly Queue<RequestEntry> _byAge = new();

    private readonly long _retention = (long)options.RequestIdRetention.TotalMilliseconds;

    public int Count => _byId.Count;

    public RequestEntry? Find(string requestId) => _byId.GetValueOrDefault(requestId);

    /// <summary>
    /// Admits a request id: true when it is new (remembered now: run the command). A repeat is not
    /// admitted: <paramref name="replyTo"/> gets the original answer, now or when it comes, or an
    /// <see cref="Invalid"/> when the request id was used for another command.
    /// </summary>
    public bool Admit(string requestId, Id runId, string commandName, bool isSubmit, IActorRef replyTo, long now, IOutbox outbox)
    {
        var known = Find(requestId);
        if (known is null)
        {
            Add(requestId, runId, commandName, isSubmit, now);
            return true;
        }
        if (known.CommandName != commandName || known.IsSubmit != isSubmit)
        {
            outbox.Send(replyTo, new Invalid(known.RunId, new CommandIssue(CommandIssueKind.OtherIssue, $"Request id {requestId} was used for {Kind(known.IsSubmit)} {known.CommandName} (runId {known.RunId}); this {Kind(isSubmit)} {commandName} was not run. Use a new request id for each command.")));
        }
        else if (known.Answer is { } answer)
        {
            outbox.Send(replyTo, answer);
        }
        else
        {
            (known.Waiters ??= []).Add(replyTo);
        }
        return false;
    }

    /// <summary>Remembers a newly admitted request.</summary>
    public RequestEntry Add(string requestId, Id runId, string commandName, bool isSubmit, long now)
    {
        var entry = new RequestEntry(requestId, runId, commandName, isSubmit, now);
        _byId[requestId] = entry;
        _byAge.Enqueue(entry);
        Evict(now);
        return entry;
    }

    /// <summary>Records the first answer; returns the repeats that wait for it (null when none). A later answer is ignored.</summary>
    public List<IActorRef>? Answer(string requestId, ICommandResponse answer, long now)
    {
        if (!_byId.TryGetValue(requestId, out var entry) || entry.Answer is not null)
        {
            return null;
        }
        entry.Answer = answer;
        entry.Stamp = now;
        var waiters = entry.Waiters;
        entry.Waiters = null;
        return waiters;
    }

    /// <summary>The requests admitted and not yet answered.</summary>
    public List<RequestEntry> Unanswered() => [.. _byAge.Where(entry => entry.Answer is null)];

    /// <summary>Every entry, oldest first.</summary>
    public IEnumerable<RequestEntry> OldestFirst() => _byAge;

    /// <summary>Forgets answered requests past the retention, or beyond the count; stops at one still unanswered.</summary>
    public void Evict(long now)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.Answer is not null
            && (_byId.Count > options.MaxRequestIds || now - oldest.Stamp >= _retention))
        {
            _byAge.Dequeue();
            // A request id reused after it was forgotten has a newer entry: keep that one.
            if (_byId.TryGetValue(oldest.RequestId, out var current) && current == oldest)
            {
                _byId.Remove(oldest.RequestId);
            }
        }
    }

    private static string Kind(bool isSubmit) => isSubmit ? "Submit" : "Oneway";
}
