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
    private readonly Dictionary<Id, LinkedListNode<(Id RunId, CommandEntry Entry)>> _byRunId = [];

    /// <summary>The entries by recency of use, least recent first.</summary>
    private readonly LinkedList<(Id RunId, CommandEntry Entry)> _byRecency = new();

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
                get.ReplyTo.Tell(_byRecency.Select(node => node.RunId).ToList());
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<CrmMessage> context, Signal signal)
    {
        if (signal is PostStop)
        {
            foreach (var (runId, entry) in _byRecency)
            {
                foreach (var waiter in entry.Waiters ?? [])
                {
                    waiter.Tell(new Error(runId, $"The component stopped before command {runId} finished."));
                }
                entry.Waiters = null;
            }
        }
        return ValueTask.CompletedTask;
    }

    private void Update(IActorContext<CrmMessage> context, ISubmitResponse response)
    {
        var entry = Find(response.RunId);
        if (entry is null)
        {
            Add(response);
            return;
        }
        if (entry.IsFinished)
        {
            context.Log.LogWarning("Command {RunId} already finished with {First}; the later {Second} is ignored", response.RunId, Describe(entry.Latest), Describe(response));
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
        if (!_byRunId.TryGetValue(runId, out var node))
        {
            return null;
        }
        _byRecency.Remove(node);
        _byRecency.AddLast(node);
        return node.Value.Entry;
    }

    private void Add(ISubmitResponse response)
    {
        _byRunId[response.RunId] = _byRecency.AddLast((response.RunId, new CommandEntry(response)));
        Evict();
    }

    /// <summary>Forgets least recently used finished commands while over capacity; never the one just used,
    /// so a final response is always there to be queried right after it was recorded.</summary>
    private void Evict()
    {
        var node = _byRecency.First;
        while (_byRunId.Count > capacity && node is not null && node != _byRecency.Last)
        {
            var next = node.Next;
            if (node.Value.Entry.IsFinished)
            {
                _byRecency.Remove(node);
                _byRunId.Remove(node.Value.RunId);
            }
            node = next;
        }
    }

    private Error Unknown(Id runId) =>
        new(runId, $"No command with runId {runId} is known: it was never submitted here, or it finished and was forgotten (the last {capacity} commands are remembered).");

    private static string Describe(ISubmitResponse response) => response.GetType().Name;
}
