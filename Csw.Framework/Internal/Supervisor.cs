using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Framework.Internal.Observation;
using Csw.Location;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Hosts a component's handlers. Reads as one table over (message, lifecycle state): queries,
/// CurrentState subscriptions, locks and lifecycle queries are answered here at once; commands and
/// lifecycle changes go through the <see cref="HandlerLane"/>, which calls the handlers one at a
/// time without holding up this actor. The CRM and the two pub/subs are child actors; so are the
/// actors the handlers start themselves.
/// </summary>
internal sealed class Supervisor : UntypedActor, IWithTimers
{
    /// <summary>How to run the component.</summary>
    private readonly ComponentOptions _options;

    /// <summary>What the handlers get.</summary>
    private readonly CswContext _context;

    /// <summary>Lifecycle changes for subscribers.</summary>
    private readonly PubSub<LifecycleStateChanged> _lifecycle;

    /// <summary>Who holds the lock.</summary>
    private readonly LockManager _lock;

    /// <summary>Handler calls, one at a time.</summary>
    private readonly HandlerLane _lane;

    /// <summary>Answers the commands that will never run.</summary>
    private readonly Refusals _refusals;

    /// <summary>Answers lifecycle requests, and decides whether a queued one still applies.</summary>
    private readonly LifecycleRequests _requests;

    /// <summary>Commands, queries and CurrentState subscriptions: the component protocol's requests.</summary>
    private readonly CommandRequests _commands;

    /// <summary>Makes handlers instances and runs their initialize attempts.</summary>
    private readonly Initializer _initializer;

    /// <summary>How the children are supervised: the framework's resumed, the handlers' restarted.</summary>
    private readonly SupervisorStrategy _childStrategy;

    /// <summary>Tracking of the component's connections, ended when it stops.</summary>
    private readonly List<IDisposable> _tracking = [];

    /// <summary>On a cluster member, the child publishing the component's events to the cluster; null elsewhere.</summary>
    private readonly IActorRef? _clusterEvents;

    /// <summary>Replacing the handlers: their children stopping, the backoff before the next initialize.</summary>
    private readonly HandlerReplacement _replacement;

    /// <summary>The component's registration in the location service.</summary>
    private readonly SupervisorRegistration _registration;

    /// <summary>The lifecycle state.</summary>
    private SupervisorLifecycleState _state = SupervisorLifecycleState.Idle;

    /// <summary>Why the component shut down, when the start failed; for subscribers who come late.</summary>
    private string? _reason;

    public Supervisor(ComponentInfo info, Func<CswContext, ComponentHandlers> factory, ComponentOptions options)
    {
        _options = options;
        var system = Context.System;
        var cswSystem = CswExtension.For(system);
        var loggerFactory = cswSystem.LoggerFactory;
        var publisher = CurrentStatePublisher.Start(Context, options.CurrentState);
        foreach (var subscriber in options.CurrentStateSubscribers)
        {
            publisher.Subscribe(subscriber);
        }
        var crm = CommandResponseManager.Start(Context, JournalSettings.ForComponent(info, options.Crm));
        _lifecycle = PubSub<LifecycleStateChanged>.Start(Context, "lifecycle");
        foreach (var subscriber in options.LifecycleSubscribers)
        {
            _lifecycle.Subscribe(subscriber);
        }
        _clusterEvents = ClusterEventPublisher.StartFor(Context, info, publisher, _lifecycle);
        // The framework's own children: the CurrentState pub/sub, the CRM, the lifecycle pub/sub (and the cluster publisher).
        IActorRef[] frameworkChildren = [publisher.PubSub.Actor, crm.Actor, _lifecycle.Actor, .. _clusterEvents is null ? Array.Empty<IActorRef>() : [_clusterEvents]];
        _childStrategy = new ChildStrategy(frameworkChildren);
        _replacement = new HandlerReplacement(frameworkChildren);
        var locationService = options.LocationService ?? cswSystem.EmbeddedLocationService;
        var timers = new ComponentTimers(loggerFactory.CreateLogger<ComponentTimers>());
        _context = new CswContext(info, Self, Context, system, publisher, crm, loggerFactory, timers, locationService, options.Commands with { LoggerFactory = loggerFactory }, options.LogLevel);
        _requests = new LifecycleRequests(info, _context.Logger);
        _lock = new LockManager(options.AdminPrefix);
        _lane = new HandlerLane(this, Self);
        _refusals = new Refusals(info, _lock, _lane, crm, _context.Telemetry);
        _commands = new CommandRequests(new CommandAdmission(_refusals, _lock, _lane, crm, options.MaxQueuedCommands, Self), crm, publisher);
        _initializer = new Initializer(factory, _context, options, Self);
        _registration = new SupervisorRegistration(_context, options);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The handlers the lane calls.</summary>
    internal ComponentHandlers Handlers => _initializer.Handlers!;

    internal CswContext CswContext => _context;

    internal ComponentOptions Options => _options;

    private bool IsRunning => _state is SupervisorLifecycleState.Running or SupervisorLifecycleState.RunningOffline;

    /// <summary>The component's logger (also the handlers'): what the framework says of a component is logged under its prefix.</summary>
    private ILogger Log => _context.Logger;

    // A switch, not ReceiveActor's handlers: those are delegates made per actor, about 2.5 KB a
    // supervisor. The order of the cases is the order in which a message is matched.
    protected override void OnReceive(object message)
    {
        if (_commands.Handle(message, _state))
        {
            return;
        }
        switch (message)
        {
            case SupervisorMessage request:
                OnSupervisorMessage(request);
                break;
            case LockLeaseTimer timer:
                _lock.OnLeaseTimer(Timers, timer);
                break;
            case HandlerFinished finished:
                _lane.OnFinished(finished.Item);
                break;
            case InitializeFinished finished:
                OnInitializeFinished(finished);
                break;
            case InitializeTimedOut timedOut:
                OnInitializeFinished(_initializer.TimedOut(timedOut));
                break;
            case BackoffElapsed:
                InitializeIf(_replacement.OnBackoffElapsed());
                break;
            case LocationEventReceived received:
                if (_state != SupervisorLifecycleState.Shutdown)
                {
                    _lane.Enqueue(new LaneItem(received, null));
                }
                break;
            case HandlerChildStopped stopped:
                InitializeIf(_replacement.OnChildStopped(stopped.Child));
                break;
            case OldInitializeEnded ended:
                InitializeIf(_replacement.OnOldInitializeEnded(ended.Initializing));
                break;
            case OldInitializeOverdue overdue when _replacement.IsWaitingFor(overdue.Initializing) && _state != SupervisorLifecycleState.Shutdown:
                ShutDownWhileStarting($"because the old handlers' InitializeAsync still runs {_options.ShutdownTimeout.TotalSeconds:0.###} s after its timeout, and a new instance must not initialize beside it");
                break;
            case StopSelf:
                Context.Stop(Self);
                break;
            case RegistrationFinished finished:
                OnRegistrationFinished(finished);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnSupervisorMessage(SupervisorMessage message)
    {
        switch (message)
        {
            case SupervisorMessage.Lock request:
                _lock.Lock(Timers, request);
                break;
            case SupervisorMessage.Unlock request:
                _lock.Unlock(Timers, request);
                break;
            // Whether GoOffline/GoOnline apply is decided again when their turn comes (StillApplies):
            // one queued before them may change the state in between.
            case var change when IsModeChange(change) && IsRunning:
                _lane.Enqueue(new LaneItem(change, null));
                break;
            // Before Running there is nothing to shut down in the handlers: stop now, not after initialize's retries.
            case SupervisorMessage.Shutdown shutdown when _state is SupervisorLifecycleState.Idle or SupervisorLifecycleState.Restart && !_registration.Pending:
                ShutDownWhileStarting();
                _requests.Answer(shutdown, _state);
                break;
            case SupervisorMessage.Shutdown shutdown when _state == SupervisorLifecycleState.Shutdown:
                _requests.Ignore(shutdown, _state);
                break;
            case SupervisorMessage.Restart or SupervisorMessage.Shutdown when _state != SupervisorLifecycleState.Shutdown:
                _lane.Enqueue(new LaneItem(message, null));
                break;
            case SupervisorMessage.GetSupervisorLifecycleState get:
                get.ReplyTo.Tell(_state);
                break;
            case SupervisorMessage.GetLogLevel get:
                get.ReplyTo.Tell(_context.ComponentLogger.Describe());
                break;
            case SupervisorMessage.SetLogLevel set:
                set.ReplyTo.Tell(_context.ComponentLogger.Change(set.Level));
                break;
            case SupervisorMessage.SubscribeLifecycleState subscribe:
                subscribe.Subscriber.Tell(new LifecycleStateChanged(Self, _state) { Reason = _reason });
                _lifecycle.Subscribe(subscribe.Subscriber);
                break;
            case SupervisorMessage.UnsubscribeLifecycleState unsubscribe:
                _lifecycle.Unsubscribe(unsubscribe.Subscriber);
                break;
            default:
                _requests.Ignore(message, _state);
                break;
        }
    }

    private static bool IsModeChange(SupervisorMessage message) =>
        message is SupervisorMessage.GoOffline or SupervisorMessage.GoOnline or SupervisorMessage.DiagnosticMode or SupervisorMessage.OperationsMode;

    protected override SupervisorStrategy SupervisorStrategy() => _childStrategy;

    protected override void PreStart()
    {
        _tracking.AddRange(ConnectionTracking.Start(_context.ComponentInfo, _context.LocationService, Self));
        StartInitialize();
    }

    protected override void PostStop()
    {
        _context.Timers.CancelAll();
        _tracking.ForEach(tracking => tracking.Dispose());
        _ = _registration.Take()?.DisposeAsync().AsTask();
        _ = _context.DisposeRemoteServicesAsync();
    }

    // A bug here must not lose the component's state: log it and go on with the next message, as a
    // Resume would; handler failures never get here (HandlerCalls turns them into responses).
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (Exception e)
        {
            Log.LogError(e, "{Component} failed on {Message}; it goes on with the next message", _context.ComponentInfo, message.GetType().Name);
            return true;
        }
    }

    /// <summary>Applies what a finished lane item changes in the supervisor; on the supervisor's turn.</summary>
    internal void AfterHandlerCall(LaneItem item)
    {
        if (_state == SupervisorLifecycleState.Shutdown)
        {
            _requests.Answer(item.Message, _state);
            return;
        }
        switch (item.Message)
        {
            case SupervisorMessage.GoOffline:
                Handlers.IsOnline = false;
                ChangeState(SupervisorLifecycleState.RunningOffline);
                break;
            case SupervisorMessage.GoOnline:
                Handlers.IsOnline = true;
                ChangeState(SupervisorLifecycleState.Running);
                break;
            case SupervisorMessage.Restart:
                _context.Timers.CancelAll();
                // The old instance will not finish what it started: its callers hear so now, not never.
                _context.CommandResponseManager.EndRunning("The command was interrupted: the component restarted before it finished.");
                if (item.HandlerTask is { IsCompleted: false })
                {
                    ShutDown($"instead of restarting: the old handlers' OnShutdownAsync did not finish within {_options.ShutdownTimeout.TotalSeconds:0.###} s, and a new instance must not initialize beside it");
                    break;
                }
                ChangeState(SupervisorLifecycleState.Restart);
                _initializer.ForgetFailures();
                ReplaceHandlers(TimeSpan.Zero);
                break;
            case SupervisorMessage.Shutdown:
                ShutDown("on request");
                break;
        }
        _requests.Answer(item.Message, _state);
    }

    /// <summary>Whether a queued lifecycle change still applies now that its turn has come; answers and logs the ones that do not.</summary>
    internal bool StillApplies(LaneItem item) => _requests.StillApplies(item.Message, _state);

    private void StartInitialize()
    {
        _lane.Hold();
        ChangeState(SupervisorLifecycleState.Idle);
        _initializer.Start(Timers);
    }

    private void OnInitializeFinished(InitializeFinished initialized)
    {
        if (_state == SupervisorLifecycleState.Shutdown)
        {
            return;
        }
        switch (_initializer.OnFinished(initialized, Timers, Log))
        {
            case Initializer.Outcome.Initialized:
                Handlers.IsOnline = true;
                if (!_registration.Start())
                {
                    BecomeRunning();
                }
                break;
            case Initializer.Outcome.Retry:
                _context.Timers.CancelAll();
                ReplaceHandlers(_initializer.Backoff);
                _initializer.LogRetry(Log);
                break;
            case Initializer.Outcome.GiveUp:
                ShutDown("after repeated initialize failures", _initializer.GiveUpReason);
                break;
        }
    }

    private void BecomeRunning()
    {
        ChangeState(SupervisorLifecycleState.Running);
        _lane.Release();
    }

    private void ReplaceHandlers(TimeSpan backoff)
    {
        _lane.Hold();
        InitializeIf(_replacement.Begin(Context, Timers, backoff, _initializer.Initializing, _options.ShutdownTimeout, Log));
    }

    private void InitializeIf(bool replaced)
    {
        if (replaced && _state != SupervisorLifecycleState.Shutdown)
        {
            StartInitialize();
        }
    }

    private void ShutDownWhileStarting(string why = "on request, before it was Running")
    {
        _initializer.Abandon(Timers);
        _replacement.Cancel(Timers);
        ShutDown(why);
    }

    private void OnRegistrationFinished(RegistrationFinished registered)
    {
        _registration.Finished(registered, shutDown: _state == SupervisorLifecycleState.Shutdown);
        if (_state == SupervisorLifecycleState.Shutdown)
        {
            return;
        }
        if (registered.Failure is { } failure)
        {
            var reason = $"{_context.ComponentInfo} could not register its location: {failure.Message}";
            Log.LogError("{Reason}", reason);
            ShutDown("as it could not register", reason);
        }
        else
        {
            BecomeRunning();
        }
    }

    /// <summary>Shuts the component down; <paramref name="reason"/> tells lifecycle subscribers why a start failed.</summary>
    private void ShutDown(string why, string? reason = null)
    {
        Log.LogInformation("{Component} shuts down {Why}", _context.ComponentInfo, why);
        ChangeState(SupervisorLifecycleState.Shutdown, reason);
        _context.Timers.CancelAll();
        foreach (var item in _lane.TakeWaiting())
        {
            _refusals.Refuse(item, _state);
        }
        // Stopping now would stop the lifecycle publisher (a child) before it hands out the Shutdown
        // change: stop once it has answered a question asked after that change, so after handing it out.
        // Unregister first, and wait for it: a process that exits once its components stopped must
        // not leave their locations behind.
        UnregisterThenAsync(_registration.Take(), _lifecycle.SubscriberCountAsync(), _clusterEvents).PipeTo(Self, success: _ => new StopSelf(), failure: _ => new StopSelf());
    }

    private static async Task<int> UnregisterThenAsync(IAsyncDisposable? registration, Task<int> then, IActorRef? clusterEvents)
    {
        await (registration?.DisposeAsync() ?? ValueTask.CompletedTask).ConfigureAwait(false);
        var subscribers = await then.ConfigureAwait(false);
        await ClusterEventPublisher.FlushAsync(clusterEvents).ConfigureAwait(false);
        return subscribers;
    }

    private void ChangeState(SupervisorLifecycleState state, string? reason = null)
    {
        if (_state == state)
        {
            return;
        }
        _state = state;
        _reason = reason;
        _requests.OnStateChanged(state);
        _lifecycle.Publish(new LifecycleStateChanged(Self, state) { Reason = reason });
    }
}
