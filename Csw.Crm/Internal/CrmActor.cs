using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Event;
using Error = Csw.Params.Error;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>
/// Remembers a component's recent commands by runId, least recently used last in line to be
/// forgotten, and answers Query and QueryFinal. Commands in progress are never forgotten, and a
/// QueryFinal waiter always gets an answer: the final response, or an Error when the CRM stops.
/// </summary>
internal sealed class CrmActor : ReceiveActor
{
    /// <summary>The entries by runId.</summary>
    private readonly Dictionary<Id, CommandEntry> _byRunId = [];

    /// <summary>The same entries by recency of use, least recent first.</summary>
    private readonly RecencyList _byRecency = new();

    /// <summary>The settings.</summary>
    private readonly CrmOptions _options;

    /// <summary>The component this CRM belongs to, as the size instrument's tag.</summary>
    private readonly KeyValuePair<string, object?> _component;

    public CrmActor(CrmOptions options)
    {
        _options = options;
        _component = CrmTelemetry.ComponentTag(Context.Parent.Path.Name);
        Receive<UpdateCommand>(update => Update(update.Response));
        Receive<Query>(query => query.ReplyTo.Tell(Find(query.RunId)?.Latest ?? Unknown(query.RunId)));
        Receive<QueryFinal>(queryFinal => AnswerWhenFinal(queryFinal.RunId, queryFinal.ReplyTo));
        Receive<GetRemembered>(get => get.ReplyTo.Tell(_byRecency.OldestFirst().Select(entry => entry.RunId).ToList()));
    }

    protected override void PostStop()
    {
        CrmTelemetry.Changed(_component, -_byRunId.Count);
        foreach (var entry in _byRecency.OldestFirst())
        {
            foreach (var waiter in entry.Waiters ?? [])
            {
                waiter.Tell(new Error(entry.RunId, $"The component stopped before command {entry.RunId} finished."));
            }
            entry.Waiters = null;
        }
    }

    private void Update(ISubmitResponse response)
    {
        // One lookup both finds a known command and makes room for a new one (most are new and final at once).
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byRunId, response.RunId, out var known);
        if (!known)
        {
            slot = new CommandEntry(response.RunId, response);
            _byRecency.AddNewest(slot);
            CrmTelemetry.Changed(_component, 1);
            Evict();
            return;
        }
        var entry = slot!;
        _byRecency.MoveToNewest(entry);
        if (entry.IsFinished)
        {
            // A Started recorded after the final response is the normal race of very fast background
            // work (the handler's final update overtakes its own Started); only a second final is suspect.
            if (response.IsFinal)
            {
                Context.GetLogger().Warning("Command {0} already finished with {1}; the later {2} is ignored", response.RunId, Describe(entry.Latest), Describe(response));
            }
            return;
        }
        entry.Latest = response;
        if (!response.IsFinal)
        {
            return;
        }
        foreach (var waiter in entry.Waiters ?? [])
        {
            waiter.Tell(response);
        }
        entry.Waiters = null;
        Evict();
    }

    private void AnswerWhenFinal(Id runId, IActorRef replyTo)
    {
        var entry = Find(runId);
        if (entry is null)
        {
            replyTo.Tell(Unknown(runId));
        }
        else if (entry.IsFinished)
        {
            replyTo.Tell(entry.Latest);
        }
        else if (entry.Waiters is { } waiters && waiters.Count >= _options.MaxWaitersPerCommand)
        {
            replyTo.Tell(new Status.Failure(new WaiterLimitException($"{_options.MaxWaitersPerCommand} callers already wait for command {runId}, the limit; it is still running.")));
        }
        else
        {
            (entry.Waiters ??= []).Add(replyTo);
        }
    }

    /// <summary>The entry, marked as just used; null if unknown.</summary>
    private CommandEntry? Find(Id runId)
    {
        if (!_byRunId.TryGetValue(runId, out var entry))
        {
            return null;
        }
        _byRecency.MoveToNewest(entry);
        return entry;
    }

    /// <summary>Forgets least recently used finished commands while over capacity; never the one just used,
    /// so a final response is always there to be queried right after it was recorded.</summary>
    private void Evict()
    {
        var entry = _byRecency.Oldest;
        while (_byRunId.Count > _options.Capacity && entry is not null && entry != _byRecency.Newest)
        {
            var newer = entry.Newer;
            if (entry.IsFinished)
            {
                _byRecency.Remove(entry);
                _byRunId.Remove(entry.RunId);
                CrmTelemetry.Changed(_component, -1);
            }
            entry = newer;
        }
    }

    private Error Unknown(Id runId) =>
        new(runId, $"No command with runId {runId} is known: it was never submitted here, or it finished and was forgotten (the last {_options.Capacity} commands are remembered).");

    private static string Describe(ISubmitResponse response) => response.GetType().Name;
}
