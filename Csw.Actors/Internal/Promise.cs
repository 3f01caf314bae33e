namespace Csw.Actors.Internal;

/// <summary>
/// The one-off reply address of an ask: the first message told to it completes the task. It sits
/// in the <see cref="TimeoutWheel"/> until it completes, times out or is cancelled.
/// </summary>
internal sealed class Promise<TReply> : ActorRef<TReply>, ITimeoutEntry
{
    private const int Pending = 0;
    private const int Done = 1;

    /// <summary>Completed once; continuations run on the thread pool, never on the replying actor's thread.</summary>
    private readonly TaskCompletionSource<TReply> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Who was asked: for the system, and to name in a timeout.</summary>
    private readonly ActorRef _target;

    /// <summary>The timeout in milliseconds, to name in a timeout (an int, to keep the promise small).</summary>
    private readonly int _timeoutMilliseconds;

    /// <summary>The caller's cancellation, undone on completion.</summary>
    private readonly CancellationTokenRegistration _cancellation;

    /// <summary><see cref="Pending"/> until the first of reply, timeout, cancellation or failure.</summary>
    private int _state;

    public Promise(ActorRef target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _target = target;
        _timeoutMilliseconds = (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
        TimeoutWheel.Shared.Add(this, timeout);
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((Promise<TReply>)state!).Cancel(token), this);
        }
    }

    public Task<TReply> Task => _completion.Task;

    /// <summary>The type of the request, to name in a timeout.</summary>
    public Type? RequestType { get; set; }

    public override ActorPath Path => _target.Path.Child("$ask");

    internal override ActorSystem System => _target.System;

    TimeoutWheel.Bucket? ITimeoutEntry.Bucket { get; set; }

    ITimeoutEntry? ITimeoutEntry.Previous { get; set; }

    ITimeoutEntry? ITimeoutEntry.Next { get; set; }

    long ITimeoutEntry.Deadline { get; set; }

    public override void Tell(TReply message)
    {
        if (TryFinish())
        {
            _completion.TrySetResult(message);
        }
        else
        {
            System.DeadLetters.Publish(message, this);
        }
    }

    internal override void SendSystem(SystemMessage message)
    {
        // Nobody watches a reply address; a watch is answered at once so a watcher never waits.
        if (message is Watch watch)
        {
            watch.Watcher.SendSystem(new WatchedActorTerminated(this));
        }
    }

    public void Fail(Exception exception)
    {
        if (TryFinish())
        {
            _completion.TrySetException(exception);
        }
    }

    void ITimeoutEntry.Expire()
    {
        if (Interlocked.Exchange(ref _state, Done) == Pending)
        {
            _cancellation.Unregister();
            var request = RequestType?.Name ?? "request";
            _completion.TrySetException(new AskTimeoutException(
                $"No reply from {_target.Path} to {request} within {_timeoutMilliseconds} ms."));
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
