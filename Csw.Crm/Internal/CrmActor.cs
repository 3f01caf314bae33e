using System.Runtime.InteropServices;
using Csw.Actors;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Crm.Internal;

/// <summary>
/// Remembers a component's recent commands by runId, least recently used last in line to be
/// forgotten, and answers Query and QueryFinal. Commands in progress are never forgotten, and a
/// QueryFinal waiter always gets an answer: the final response, or an Error when the CRM stops.
/// </summary>
internal sealed class CrmActor(int capacity) : IActor<CrmMessage>
{
    /// <summary>The entries by runId.</summary>
    private readonly Dictionary<Id, CommandEntry> _byRunId = [];

    /// <summary>The same entries by recency of use, least recent first.</summary>
    private readonly RecencyList _byRecency = new();

    public ValueTask ReceiveAsync(IActorContext<CrmMessage> context, CrmMessage message)
    {
        switch (message)
        {
            case UpdateCommand update:
                Update(context, update.Response);
                break;
            case Query query:
                query.ReplyTo.Tell(Find(query.RunId)?.Latest ?? Unknown(query.RunId));
                break;
            case QueryFinal queryFinal:
                AnswerWhenFinal(queryFinal.RunId, queryFinal.ReplyTo);
                break;
            case GetRemembered get:
                get.ReplyTo.Tell(_byRecency.OldestFirst().Select(entry => entry.RunId).ToList());
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<CrmMessage> context, Signal signal)
    {
        if (signal is PostStop)
        {
            foreach (var entry in _byRecency.OldestFirst())
            {
                foreach (var waiter in entry.Waiters ?? [])
                {
                    waiter.Tell(new Error(entry.RunId, $"The component stopped before command {entry.RunId} finished."));
                }
                entry.Waiters = null;
            }
        }
        return ValueTask.CompletedTask;
    }

    private void Update(IActorContext<CrmMessage> context, ISubmitResponse response)
    {
        // One lookup both finds a known command and makes room for a new one (most are new and final at once).
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byRunId, response.RunId, out var known);
        if (!known)
        {
            slot = new CommandEntry(response.RunId, response);
            _byRecency.AddNewest(slot);
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
                context.Log.LogWarning("Command {RunId} already finished with {First}; the later {Second} is ignored", response.RunId, Describe(entry.Latest), Describe(response));
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

    private void AnswerWhenFinal(Id runId, ActorRef<ISubmitResponse> replyTo)
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
        while (_byRunId.Count > capacity && entry is not null && entry != _byRecency.Newest)
        {
            var newer = entry.Newer;
            if (entry.IsFinished)
            {
                _byRecency.Remove(entry);
                _byRunId.Remove(entry.RunId);
            }
            entry = newer;
        }
    }

    private Error Unknown(Id runId) =>
        new(runId, $"No command with runId {runId} is known: it was never submitted here, or it finished and was forgotten (the last {capacity} commands are remembered).");

    private static string Describe(ISubmitResponse response) => response.GetType().Name;
}
