using Akka.Actor;
using Csw.Command;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// The supervisor's answers to lifecycle requests (<see cref="SupervisorMessage.GoOnline"/>,
/// GoOffline, the two modes, Restart, Shutdown) that carry a <c>ReplyTo</c>: the lifecycle state
/// once the request took effect, a Restart's once the new handlers are Running or the component
/// gave up; a request that does not apply is logged and answered with the state as it is. Used only
/// from the supervisor's turn.
/// </summary>
internal sealed class LifecycleRequests(ComponentInfo info, ILogger log)
{
    /// <summary>Who asked for a Restart still under way.</summary>
    private readonly List<IActorRef> _restarting = [];

    /// <summary>Whether a queued lifecycle change still applies now that its turn has come; answers and logs the ones that do not.</summary>
    public bool StillApplies(object message, SupervisorLifecycleState state)
    {
        var applies = message switch
        {
            SupervisorMessage.GoOffline => state == SupervisorLifecycleState.Running,
            SupervisorMessage.GoOnline => state == SupervisorLifecycleState.RunningOffline,
            _ => true,
        };
        if (!applies)
        {
            Ignore((SupervisorMessage)message, state);
        }
        return applies;
    }

    /// <summary>Logs that <paramref name="message"/> does not apply in <paramref name="state"/>, and answers it with the state.</summary>
    public void Ignore(SupervisorMessage message, SupervisorLifecycleState state)
    {
        if (message is SupervisorMessage.Shutdown && state == SupervisorLifecycleState.Shutdown)
        {
            // Asking again is no mistake: the component is shutting down already.
            log.LogDebug("{Component} is shutting down already", info);
        }
        else
        {
            log.LogWarning("{Component} ignored {Message} in state {State}", info, message.GetType().Name, state);
        }
        Answer(message, state);
    }

    /// <summary>Answers a lifecycle request that has taken effect; a Restart is answered once it is over.</summary>
    public void Answer(object message, SupervisorLifecycleState state)
    {
        if (message is SupervisorMessage.Restart { ReplyTo: { } waiting } && !IsSettled(state))
        {
            _restarting.Add(waiting);
        }
        else if (ReplyTo(message) is { } replyTo)
        {
            replyTo.Tell(state);
        }
    }

    /// <summary>The supervisor entered <paramref name="state"/>: a Restart waiting for it is over.</summary>
    public void OnStateChanged(SupervisorLifecycleState state)
    {
        if (_restarting.Count == 0 || !IsSettled(state))
        {
            return;
        }
        foreach (var waiting in _restarting)
        {
            waiting.Tell(state);
        }
        _restarting.Clear();
    }

    private static bool IsSettled(SupervisorLifecycleState state) =>
        state is SupervisorLifecycleState.Running or SupervisorLifecycleState.RunningOffline or SupervisorLifecycleState.Shutdown;

    private static IActorRef? ReplyTo(object message) => message switch
    {
        SupervisorMessage.GoOnline request => request.ReplyTo,
        SupervisorMessage.GoOffline request => request.ReplyTo,
        SupervisorMessage.DiagnosticMode request => request.ReplyTo,
        SupervisorMessage.OperationsMode request => request.ReplyTo,
        SupervisorMessage.Restart request => request.ReplyTo,
        SupervisorMessage.Shutdown request => request.ReplyTo,
        _ => null,
    };
}
