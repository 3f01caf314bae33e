using Akka.Actor;
using Csw.Command;

namespace Csw.Framework.Internal;

/// <summary>
/// Calls the handlers one at a time, in arrival order, without making the supervisor wait: a call
/// that finishes at once is completed in the same turn (the fast path, no allocation); one that
/// awaits is left running and reports back with <see cref="HandlerFinished"/>, while the
/// supervisor goes on answering queries, locks and lifecycle requests. Used only from the
/// supervisor's turn.
/// </summary>
internal sealed class HandlerLane(Supervisor supervisor, IActorRef self)
{
    /// <summary>Calls waiting for the lane, oldest first.</summary>
    private readonly Queue<LaneItem> _waiting = new();

    /// <summary>Whether a call is running, or the lane is held (initializing).</summary>
    private bool _busy;

    /// <summary>How many calls wait.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>Runs the item now if the lane is free, otherwise after the calls before it.</summary>
    public void Enqueue(LaneItem item)
    {
        if (_busy)
        {
            _waiting.Enqueue(item);
            supervisor.CswContext.Telemetry.LaneChanged(1);
            return;
        }
        Run(item);
        Drain();
    }

    /// <summary>Keeps items waiting (while the handlers initialize).</summary>
    public void Hold() => _busy = true;

    /// <summary>Lets waiting items run.</summary>
    public void Release()
    {
        _busy = false;
        Drain();
    }

    /// <summary>Takes the calls still waiting, to answer them when the component stops.</summary>
    public List<LaneItem> TakeWaiting()
    {
        var waiting = _waiting.ToList();
        _waiting.Clear();
        supervisor.CswContext.Telemetry.LaneChanged(-waiting.Count);
        return waiting;
    }

    /// <summary>An awaiting call has finished.</summary>
    public void OnFinished(LaneItem item)
    {
        _busy = false;
        supervisor.AfterHandlerCall(item);
        Drain();
    }

    private void Drain()
    {
        while (!_busy && _waiting.TryDequeue(out var item))
        {
            supervisor.CswContext.Telemetry.LaneChanged(-1);
            // Only a call that waited here can have outlived its caller; one run on arrival is not checked (no clock read).
            if (item.Message is ComponentMessage { Deadline: { } deadline } && DateTime.UtcNow > deadline)
            {
                HandlerCalls.Expire(item, supervisor.CswContext.CommandResponseManager, supervisor.CswContext.Logger, supervisor.CswContext.ComponentInfo);
                continue;
            }
            Run(item);
        }
    }

    private void Run(LaneItem item)
    {
        if (!supervisor.StillApplies(item))
        {
            return;
        }
        var call = HandlerCalls.RunAsync(item, supervisor.Handlers, supervisor.CswContext.CommandResponseManager, supervisor.CswContext.Logger, supervisor.Options.ShutdownTimeout);
        if (call.IsCompletedSuccessfully)
        {
            supervisor.AfterHandlerCall(item);
            return;
        }
        _busy = true;
        // HandlerCalls never throws, so the call always ends in HandlerFinished.
        call.AsTask().PipeTo(self, success: () => new HandlerFinished(item), failure: _ => new HandlerFinished(item));
    }
}
