namespace Csw.Actors.Internal.Mailboxes;

/// <summary>
/// Queues an actor's messages and runs them on the .NET thread pool, one at a time: system
/// messages first, then at most <c>throughput</c> user messages per turn before yielding the
/// thread. A handler that returns an unfinished task holds the mailbox until the task finishes;
/// the turn then resumes on the thread pool. No thread is held while the actor is idle or awaiting.
/// </summary>
internal abstract class Mailbox<T> : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;
    private const int Awaiting = 2;

    /// <summary>Receives the messages; the cell of the actor.</summary>
    private readonly IMessageInvoker<T> _invoker;

    /// <summary>System messages pushed by any thread, newest first (a lock-free stack).</summary>
    private SystemMessage? _systemInbox;

    /// <summary>System messages taken from the inbox, oldest first; touched only by the running turn.</summary>
    private SystemMessage? _systemQueue;

    /// <summary>Messages handed back by the stash, handled before the queue; touched only by the running turn.</summary>
    private Queue<T>? _front;

    /// <summary>The unfinished handler task a turn waits for; made the first time a handler does not finish at once.</summary>
    private AwaitState? _await;

    /// <summary><see cref="Idle"/>; <see cref="Scheduled"/> while a turn is queued or running; <see cref="Awaiting"/>
    /// while a turn waits for a handler's task. Senders only ever move it from Idle.</summary>
    private int _status;

    protected Mailbox(IMessageInvoker<T> invoker)
    {
        _invoker = invoker;
    }

    /// <summary>Queues a user message and makes sure a turn will run. False when a full mailbox refuses it.</summary>
    public bool Post(T message)
    {
        if (!TryEnqueue(message))
        {
            return false;
        }
        // TryEnqueue ends with a full fence, so this read cannot move before the message is visible.
        if (Volatile.Read(ref _status) == Idle)
        {
            Schedule();
        }
        return true;
    }

    /// <summary>Queues a system message and makes sure a turn will run.</summary>
    public void PostSystem(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemInbox);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemInbox, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }
            head = seen;
        }
        Schedule();
    }

    /// <summary>Puts messages back at the front, in order; only from inside a running turn.</summary>
    public void PushFront(IEnumerable<T> messages)
    {
        var front = new Queue<T>(messages);
        if (_front is { Count: > 0 })
        {
            foreach (var message in _front)
            {
                front.Enqueue(message);
            }
        }
        _front = front;
    }

    /// <summary>Takes the messages still waiting, oldest first; only from inside a running turn.</summary>
    public List<T> DrainUserMessages()
    {
        var messages = new List<T>();
        while (TryTakeUser(out var message))
        {
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>Adds a message to the queue; false if a full mailbox refuses it.</summary>
    protected abstract bool TryEnqueue(T message);

    /// <summary>Takes the oldest queued message; only from inside a running turn.</summary>
    protected abstract bool TryDequeue(out T message);

    /// <summary>Whether a message may be waiting; a false positive costs one empty turn.</summary>
    protected abstract bool HasQueuedMessages { get; }

    /// <summary>Hands a dropped message to the invoker.</summary>
    protected void OnDropped(T message) => _invoker.OnDropped(message);

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        if (_status == Awaiting)
        {
            _status = Scheduled;
            var pending = _await!.Pending;
            _await.Pending = default;
            pending.GetAwaiter().GetResult();
        }

        var budget = _invoker.Throughput;
        while (true)
        {
            ValueTask handled;
            if (TryTakeSystem(out var system))
            {
                handled = _invoker.InvokeSystemAsync(system);
            }
            else if (_invoker.IsSuspended)
            {
                break;
            }
            else if (budget-- == 0)
            {
                // Let other actors have the thread; the turn goes to the back of the pool's queue.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
            else if (TryTakeUser(out var message))
            {
                handled = _invoker.InvokeUserAsync(message);
            }
            else
            {
                break;
            }

            if (!handled.IsCompleted)
            {
                var state = _await ??= new AwaitState(this);
                state.Pending = handled;
                Volatile.Write(ref _status, Awaiting);
                handled.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(state.Resume);
                return;
            }
            handled.GetAwaiter().GetResult();
        }

        // Publish Idle before looking again: a sender that queued meanwhile either sees Idle and
        // schedules, or its message is seen here.
        Interlocked.Exchange(ref _status, Idle);
        if ((HasSystemMessages || (!_invoker.IsSuspended && HasUserMessages)) && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool HasSystemMessages => _systemQueue is not null || Volatile.Read(ref _systemInbox) is not null;

    private bool HasUserMessages => _front is { Count: > 0 } || HasQueuedMessages;

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool TryTakeSystem(out SystemMessage message)
    {
        if (_systemQueue is null)
        {
            if (Volatile.Read(ref _systemInbox) is null)
            {
                message = null!;
                return false;
            }
            // Take the whole stack at once and reverse it into arrival order.
            var taken = Interlocked.Exchange(ref _systemInbox, null);
            SystemMessage? ordered = null;
            while (taken is not null)
            {
                var next = taken.Next;
                taken.Next = ordered;
                ordered = taken;
                taken = next;
            }
            _systemQueue = ordered;
        }
        message = _systemQueue!;
        _systemQueue = message.Next;
        message.Next = null;
        return true;
    }

    private bool TryTakeUser(out T message)
    {
        if (_front is { Count: > 0 } front)
        {
            message = front.Dequeue();
            return true;
        }
        return TryDequeue(out message);
    }

    /// <summary>What an awaiting turn keeps: the task, and the callback that queues the next turn when it finishes.</summary>
    private sealed class AwaitState
    {
        public AwaitState(Mailbox<T> mailbox)
        {
            Resume = () => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
        }

        /// <summary>The handler's unfinished task.</summary>
        public ValueTask Pending;

        /// <summary>Queues the mailbox's next turn.</summary>
        public Action Resume { get; }
    }
}
