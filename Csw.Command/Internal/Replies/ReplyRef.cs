using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace Csw.Command.Internal.Replies;

/// <summary>
/// The one-off reply address of a local request: the first <typeparamref name="TReply"/> told to it
/// completes <see cref="Task"/>. Leaner than Akka's Ask: it is not registered with the provider
/// (nobody outside this process can reach it, and nobody needs to) and its timeout sits in the
/// process-wide <see cref="TimeoutWheel"/> instead of a timer of its own.
/// </summary>
internal sealed class ReplyRef<TReply> : MinimalActorRef, ITimeoutEntry
{
    private const int Pending = 0;
    private const int Done = 1;

    /// <summary>Completed once; continuations run on the thread pool, never on the replying actor's thread.</summary>
    private readonly TaskCompletionSource<TReply> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Who was asked: its provider, and its path to name in a timeout.</summary>
    private readonly IInternalActorRef _target;

    /// <summary>Shared by every reply address of one requester: one is never looked up by its path.</summary>
    private readonly ActorPath _path;

    /// <summary>The request's type, to name in a timeout.</summary>
    private readonly Type _requestType;

    /// <summary>The timeout in milliseconds, to name in a timeout.</summary>
    private readonly int _timeoutMilliseconds;

    /// <summary>The caller's cancellation, undone on completion.</summary>
    private CancellationTokenRegistration _cancellation;

    /// <summary><see cref="Pending"/> until the first of reply, timeout, cancellation or failure.</summary>
    private int _state;

    private ReplyRef(IInternalActorRef target, ActorPath path, Type requestType, TimeSpan timeout)
    {
        _target = target;
        _path = path;
        _requestType = requestType;
        _timeoutMilliseconds = (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
    }

    public override ActorPath Path => _path;

    public override IActorRefProvider Provider => _target.Provider;

    TimeoutWheel.Bucket? ITimeoutEntry.Bucket { get; set; }

    ITimeoutEntry? ITimeoutEntry.Previous { get; set; }

    ITimeoutEntry? ITimeoutEntry.Next { get; set; }

    long ITimeoutEntry.Deadline { get; set; }

    /// <summary>Tells <paramref name="target"/> the request made for a new reply address, and returns the reply.</summary>
    /// <param name="target">Who is asked; an actor of this process.</param>
    /// <param name="path">The path every reply address of this requester shows.</param>
    /// <param name="request">Makes the request from the reply address.</param>
    /// <param name="timeout">How long to wait for the reply.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/>.</exception>
    public static Task<TReply> AskAsync<TRequest>(IInternalActorRef target, ActorPath path, Func<IActorRef, TRequest> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TReply>(cancellationToken);
        }
        var reply = new ReplyRef<TReply>(target, path, typeof(TRequest), timeout);
        TimeoutWheel.Shared.Add(reply, timeout);
        if (cancellationToken.CanBeCanceled)
        {
            reply._cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((ReplyRef<TReply>)state!).Cancel(token), reply);
        }
        target.Tell(request(reply), reply);
        return reply._completion.Task;
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case TReply reply when TryFinish():
                _completion.TrySetResult(reply);
                break;
            case Status.Failure failure when TryFinish():
                _completion.TrySetException(failure.Cause);
                break;
            case TReply or Status.Failure:
                // A late reply, after a timeout or cancellation.
                break;
            default:
                if (TryFinish())
                {
                    _completion.TrySetException(new InvalidOperationException($"{_target.Path} answered {_requestType.Name} with a {message.GetType().Name}, not a {typeof(TReply).Name}."));
                }
                break;
        }
    }

    public override void SendSystemMessage(ISystemMessage message)
    {
        // Nobody should watch a reply address; if someone does, it is as good as gone.
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false, addressTerminated: false));
        }
    }

    void ITimeoutEntry.Expire()
    {
        if (Interlocked.Exchange(ref _state, Done) == Pending)
        {
            _cancellation.Unregister();
            _completion.TrySetException(new TimeoutException($"No reply from {_target.Path} to {_requestType.Name} within {_timeoutMilliseconds} ms."));
        }
    }

    private void Cancel(CancellationToken token)
    {
        if (TryFinish())
        {
            _completion.TrySetCanceled(token);
        }
    }

    private bool TryFinish()
    {
        if (Interlocked.Exchange(ref _state, Done) != Pending)
        {
            return false;
        }
        TimeoutWheel.Shared.Remove(this);
        _cancellation.Unregister();
        return true;
    }
}
