using Akka.Actor;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>
/// The reply address of a <see cref="CommandResponseManager.QueryFinalAsync"/> on a CRM without a
/// journal: the first response told to it completes <see cref="Task"/> (a
/// <see cref="Status.Failure"/> fails it). Not registered anywhere: it lives in the waiter list of
/// the command it waits for, and nobody looks it up by its path.
/// </summary>
internal sealed class WaiterRef(ActorPath path, IActorRefProvider provider) : MinimalActorRef
{
    /// <summary>Continuations run on the thread pool, never in the thread that recorded the final response.</summary>
    private readonly TaskCompletionSource<ISubmitResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ISubmitResponse> Task => _completion.Task;

    public override ActorPath Path => path;

    public override IActorRefProvider Provider => provider;

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case ISubmitResponse response:
                _completion.TrySetResult(response);
                break;
            case Status.Failure failure:
                _completion.TrySetException(failure.Cause);
                break;
        }
    }
}
