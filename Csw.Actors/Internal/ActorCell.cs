using System.Runtime.CompilerServices;
using Csw.Actors.Internal.Mailboxes;
using Microsoft.Extensions.Logging;

namespace Csw.Actors.Internal;

/// <summary>
/// A live actor: its reference, its context and the invoker of its mailbox in one object (one
/// allocation instead of three, for small idle actors). Everything but <see cref="Tell"/> and
/// <see cref="SendSystem"/> runs inside the mailbox's turn, one call at a time, so no field needs a lock.
/// </summary>
internal sealed class ActorCell<T> : ActorRef<T>, IActorContext<T>, IMessageInvoker<T>, IChild
{
    private const int Starting = 0;
    private const int Running = 1;
    private const int Restarting = 2;
    private const int Stopping = 3;
    private const int Dead = 4;

    /// <summary>The system.</summary>
    private readonly ActorSystem _system;

    /// <summary>The parent: a cell, or the system's guardian for top-level actors.</summary>
    private readonly ActorRef _parent;

    /// <summary>How to make instances, and the supervision strategy.</summary>
    private readonly Props<T> _props;

    /// <summary>The queue and the scheduling.</summary>
    private readonly Mailbox<T> _mailbox;

    /// <summary>The current instance; null before start, between restarts and after stop.</summary>
    private IActor<T>? _actor;

    /// <summary>Rarely used parts, made on first need.</summary>
    private CellParts<T>? _parts;

    /// <summary>One of the constants above; written only by the turn, read by senders.</summary>
    private int _state;

    public ActorCell(ActorSystem system, ActorRef parent, Props<T> props, string name)
    {
        _system = system;
        _parent = parent;
        _props = props;
        Name = name;
        _mailbox = props.Mailbox.Capacity is { } capacity
            ? new BoundedMailbox<T>(this, capacity, props.Mailbox.Overflow)
            : new UnboundedMailbox<T>(this);
    }

    public string Name { get; }

    public override ActorPath Path => Parts.Path ??= _parent.Path.Child(Name);

    internal override ActorSystem System => _system;

    ActorSystem IActorContext<T>.System => _system;

    public ActorRef<T> Self => this;

    public ILogger Log => Parts.Log ??= _system.Options.LoggerFactory.CreateLogger(_actor?.GetType().FullName ?? "Csw.Actors.Actor");

    public IReadOnlyCollection<ActorRef> Children => (IReadOnlyCollection<ActorRef>?)_parts?.Children?.All ?? [];

    public ITimerScheduler<T> Timers => Parts.Timers ??= new TimerScheduler<T>(this);

    public IStash<T> Stash => Parts.Stash ??= new StashBuffer<T>(this, _props.StashCapacity, _mailbox.PushFront);

    public int Throughput => _system.Options.Throughput;

    public bool IsSuspended => _state is Starting or Restarting or Stopping;

    // Made at most once even when a sender thread asks for the path (dead letters, errors) while
    // the actor's own turn adds children or watchers: losing a second instance would lose them.
    private DeathWatch<T> DeathWatch => Parts.DeathWatch ??= new DeathWatch<T>(this);

    private CellParts<T> Parts => _parts ?? Interlocked.CompareExchange(ref _parts, new CellParts<T>(), null) ?? _parts!;

    public override void Tell(T message)
    {
        if (Volatile.Read(ref _state) == Dead)
        {
            _system.DeadLetters.Publish(message, this);
        }
        else if (!_mailbox.Post(message))
        {
            throw new MailboxFullException($"The mailbox of {Path} is full ({_props.Mailbox.Capacity} messages); {message?.GetType().Name ?? "null"} was refused.");
        }
    }

    internal override void SendSystem(SystemMessage message) => _mailbox.PostSystem(message);

    public ValueTask InvokeUserAsync(T message)
    {
        if (_state == Dead)
        {
            _system.DeadLetters.Publish(message, this);
            return default;
        }
        try
        {
            var handled = _actor!.ReceiveAsync(this, message);
            return handled.IsCompletedSuccessfully ? default : AwaitHandlerAsync(handled, message);
        }
        catch (Exception e)
        {
            return HandleFailureAsync(e, message);
        }
    }

    public ValueTask InvokeSystemAsync(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                return StartInstanceAsync();
            case StopActor:
                return BeginStopAsync();
            case Watch watch:
                AddWatcher(watch.Watcher);
                return default;
            case Unwatch unwatch:
                _parts?.DeathWatch?.RemoveWatcher(unwatch.Watcher);
                return default;
            case WatchedActorTerminated terminated:
                return OnWatchedActorTerminatedAsync(terminated.Actor);
            case ChildTerminated child:
                return OnChildTerminatedAsync(child.Child);
            case TimerFired fired when _state == Running && _parts?.Timers is { } timers && timers.TryTakeMessage(fired, out var timerMessage):
                return InvokeUserAsync(timerMessage);
            case BackoffElapsed backoff when _state == Restarting && backoff.Incarnation == _parts?.Incarnation:
                return StartInstanceAsync();
            default:
                return default;
        }
    }

    public void OnDropped(T message) => _system.DeadLetters.Publish(message, this);

    public ActorRef<TChild> Spawn<TChild>(Props<TChild> props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (_state is Stopping or Dead)
        {
            throw new InvalidOperationException($"{Path} is stopping and cannot start children.");
        }
        if (name is null)
        {
            name = ActorNames.Generate();
        }
        else
        {
            ActorNames.Validate(name);
        }
        var child = new ActorCell<TChild>(_system, this, props, name);
        (Parts.Children ??= new ChildrenContainer()).Add(name, child);
        child.SendSystem(new Create());
        return child;
    }

    public void Stop(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, this) || _parts?.Children?.Contains(actor) == true)
        {
            actor.SendSystem(new StopActor());
            return;
        }
        throw new ArgumentException($"{Path} can stop only itself and its children, not {actor.Path}.", nameof(actor));
    }

    public void Watch(ActorRef actor) => DeathWatch.Watch(actor ?? throw new ArgumentNullException(nameof(actor)), (false, default!));

    public void WatchWith(ActorRef actor, T message) => DeathWatch.Watch(actor ?? throw new ArgumentNullException(nameof(actor)), (true, message));

    public void Unwatch(ActorRef actor) => _parts?.DeathWatch?.Unwatch(actor ?? throw new ArgumentNullException(nameof(actor)));

    public void PipeToSelf<TResult>(Task<TResult> task, Func<TResult, T> onSuccess, Func<Exception, T> onFailure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        _ = Pipe.ToAsync(this, task, onSuccess, onFailure);
    }

    public ActorRef<TOther> MessageAdapter<TOther>(Func<TOther, T> map) => new MessageAdapter<TOther, T>(this, map ?? throw new ArgumentNullException(nameof(map)));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitHandlerAsync(ValueTask handled, object? message)
    {
        try
        {
            await handled.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await HandleFailureAsync(e, message).ConfigureAwait(false);
        }
    }

    private async ValueTask StartInstanceAsync()
    {
        try
        {
            _actor = _props.Factory(this);
            _state = Running;
            await _actor.OnSignalAsync(this, PreStart.Instance).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await HandleFailureAsync(e, PreStart.Instance).ConfigureAwait(false);
            return;
        }
        if (_parts?.DeferredTerminations is { } deferred)
        {
            _parts.DeferredTerminations = null;
            foreach (var actor in deferred)
            {
                if (_state != Running)
                {
                    break;
                }
                await DeliverSignalAsync(new Terminated(actor)).ConfigureAwait(false);
            }
        }
    }

    private ValueTask HandleFailureAsync(Exception exception, object? message)
    {
        var what = message is Signal ? message.GetType().Name : $"a {message?.GetType().Name ?? "null"} message";
        switch (_props.Supervision)
        {
            case ResumeStrategy when _actor is not null && _state == Running:
                Log.LogError(exception, "{Path} failed handling {What}; resuming with the next message", Path, what);
                return default;
            case RestartStrategy restart when _state is Starting or Running or Restarting:
                var restarts = Parts.Restarts ??= new RestartCounter();
                var attempt = restarts.InWindow;
                if (restarts.TryCount(restart))
                {
                    Log.LogError(exception, "{Path} failed handling {What}; restarting", Path, what);
                    return RestartAsync(exception, restart.Backoff?.Delay(attempt));
                }
                Log.LogError(exception, "{Path} failed handling {What} and has restarted {Count} times within {Window}; stopping", Path, what, restart.MaxRestarts, restart.Within);
                return BeginStopAsync();
            default:
                Log.LogError(exception, "{Path} failed handling {What}; stopping", Path, what);
                return BeginStopAsync();
        }
    }

    private async ValueTask RestartAsync(Exception cause, TimeSpan? backoff)
    {
        _state = Restarting;
        await SignalAsync(new PreRestart(cause)).ConfigureAwait(false);
        _actor = null;
        var parts = Parts;
        parts.Incarnation++;
        parts.Timers?.CancelAll();
        // Old children are stopped but not awaited: they are detached so the new instance can reuse their names.
        foreach (var child in parts.Children?.DetachAll() ?? [])
        {
            child.SendSystem(new StopActor());
        }
        parts.Stash?.UnstashAll();
        if (backoff is { } delay)
        {
            var elapsed = new BackoffElapsed(parts.Incarnation);
            _ = Task.Delay(delay).ContinueWith(_ => SendSystem(elapsed), TaskScheduler.Default);
            return;
        }
        await StartInstanceAsync().ConfigureAwait(false);
    }

    private ValueTask BeginStopAsync()
    {
        if (_state is Stopping or Dead)
        {
            return default;
        }
        _state = Stopping;
        _parts?.Timers?.CancelAll();
        if (_parts?.Children is { Count: > 0 } children)
        {
            foreach (var child in children.All)
            {
                child.SendSystem(new StopActor());
            }
            return default;
        }
        return FinishStopAsync();
    }

    private async ValueTask FinishStopAsync()
    {
        await SignalAsync(PostStop.Instance).ConfigureAwait(false);
        _actor = null;
        Volatile.Write(ref _state, Dead);
        // A timer started by the PostStop handler itself would otherwise keep firing into a dead actor.
        _parts?.Timers?.CancelAll();
        if (_parts is { } parts)
        {
            parts.DeathWatch?.OnStopped();
            if (parts.Stash is { Count: > 0 } stash)
            {
                stash.UnstashAll();
            }
        }
        _parent.SendSystem(new ChildTerminated(this));
    }

    private async ValueTask SignalAsync(Signal signal)
    {
        if (_actor is null)
        {
            return;
        }
        try
        {
            await _actor.OnSignalAsync(this, signal).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.LogError(e, "{Path} failed handling {Signal}; ignored", Path, signal.GetType().Name);
        }
    }

    private void AddWatcher(ActorRef watcher)
    {
        if (_state == Dead)
        {
            watcher.SendSystem(new WatchedActorTerminated(this));
        }
        else
        {
            DeathWatch.AddWatcher(watcher);
        }
    }

    private ValueTask OnWatchedActorTerminatedAsync(ActorRef actor)
    {
        if (_state is Dead || _parts?.DeathWatch is not { } watch || !watch.TryTakeNotification(actor, out var notification))
        {
            return default;
        }
        if (notification.HasMessage)
        {
            // While restarting the message waits in the mailbox for the new instance.
            if (_state == Running)
            {
                return InvokeUserAsync(notification.Message);
            }
            Tell(notification.Message);
            return default;
        }
        if (_state == Running)
        {
            return DeliverSignalAsync(new Terminated(actor));
        }
        // While restarting (waiting out a backoff) the signal waits for the new instance.
        if (_state == Restarting)
        {
            (Parts.DeferredTerminations ??= []).Add(actor);
        }
        return default;
    }

    private ValueTask DeliverSignalAsync(Signal signal)
    {
        try
        {
            var handled = _actor!.OnSignalAsync(this, signal);
            return handled.IsCompletedSuccessfully ? default : AwaitHandlerAsync(handled, signal);
        }
        catch (Exception e)
        {
            return HandleFailureAsync(e, signal);
        }
    }

    private ValueTask OnChildTerminatedAsync(ActorRef child)
    {
        _parts?.Children?.Remove(child);
        return _state == Stopping && _parts?.Children is not { Count: > 0 } ? FinishStopAsync() : default;
    }
}
