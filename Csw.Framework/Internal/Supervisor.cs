using Akka.Actor;
using Csw.Command;
using Csw.Crm;
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
internal sealed class Supervisor : ReceiveActor, IWithTimers
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

    /// <summary>Makes handlers instances and runs their initialize attempts.</summary>
    private readonly Initializer _initializer;

    /// <summary>The framework's own children: the CurrentState pub/sub, the CRM and the lifecycle pub/sub.</summary>
    private readonly IActorRef[] _frameworkChildren;

    /// <summary>How the children are supervised: the framework's resumed, the handlers' restarted.</summary>
    private readonly SupervisorStrategy _childStrategy;

    /// <summary>Tracking of the component's connections, ended when it stops.</summary>
    private readonly List<IDisposable> _tracking = [];

    /// <summary>The old handlers' children still stopping; the new handlers initialize once none is left.</summary>
    private readonly HashSet<IActorRef> _stoppingChildren = [];

    /// <summary>The old handlers instance's InitializeAsync still running after its timeout; the new handlers initialize once it has ended.</summary>
    private Task? _oldInitialize;

    /// <summary>The component's registration in the location service, once registered.</summary>
    private IAsyncDisposable? _registration;

    /// <summary>Whether registration was started (once, on first reaching Running).</summary>
    private bool _registering;

    /// <summary>The lifecycle state.</summary>
    private SupervisorLifecycleState _state = SupervisorLifecycleState.Idle;

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
        var crm = CommandResponseManager.Start(Context, CrmOptionsFor(info, options.Crm));
        _lifecycle = PubSub<LifecycleStateChanged>.Start(Context, "lifecycle");
        _frameworkChildren = [publisher.PubSub.Actor, crm.Actor, _lifecycle.Actor];
        _childStrategy = new ChildStrategy(_frameworkChildren);
        var locationService = options.LocationService ?? cswSystem.EmbeddedLocationService;
        var timers = new ComponentTimers(loggerFactory.CreateLogger<ComponentTimers>());
        _context = new CswContext(info, Self, Context, system, publisher, crm, loggerFactory, timers, locationService, options.Commands with { LoggerFactory = loggerFactory });
        _lock = new LockManager(options.AdminPrefix);
        _lane = new HandlerLane(this, Self);
        _initializer = new Initializer(factory, _context, options, Self);
        DefineReceives();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The handlers the lane calls.</summary>
    internal ComponentHandlers Handlers => _initializer.Handlers!;

    internal CswContext CswContext => _context;

    internal ComponentOptions Options => _options;

    private bool IsRunning => _state is SupervisorLifecycleState.Running or SupervisorLifecycleState.RunningOffline;

    /// <summary>The component's logger (also the handlers'): what the framework says of a component is logged under its prefix.</summary>
    private ILogger Log => _context.Logger;

    private void DefineReceives()
    {
        Receive<ComponentMessage.Validate>(validate => AdmitCommand(new LaneItem(validate, RunIds.New())));
        Receive<ComponentMessage.Submit>(submit => submit.RequestId is null, submit => AdmitCommand(new LaneItem(submit, RunIds.New())));
        Receive<ComponentMessage.Submit>(submit => AdmitRequest(submit.RequestId!, submit.Command, isSubmit: true, submit.ReplyTo, submit));
        Receive<ComponentMessage.Oneway>(oneway => oneway.RequestId is null, oneway => AdmitCommand(new LaneItem(oneway, RunIds.New())));
        Receive<ComponentMessage.Oneway>(oneway => AdmitRequest(oneway.RequestId!, oneway.Command, isSubmit: false, oneway.ReplyTo, oneway));
        Receive<RequestAdmitted>(admitted => AdmitCommand(admitted.Item));
        Receive<ComponentMessage.Query>(query => _context.CommandResponseManager.Query(query.RunId, query.ReplyTo));
        Receive<ComponentMessage.QueryFinal>(queryFinal => _context.CommandResponseManager.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.Deadline));
        Receive<ComponentMessage.SubscribeCurrentState>(subscribe => subscribe.ReplyTo.Tell(_context.CurrentStatePublisher.Subscribe(subscribe.Names)));
        Receive<ComponentMessage.SubscribeCurrentStateTo>(subscribe =>
        {
            // Told to the publisher before the acknowledgement: whatever the caller sends after it is published later.
            _context.CurrentStatePublisher.Subscribe(subscribe.Subscriber, subscribe.Names);
            subscribe.ReplyTo.Tell(new Status.Success(subscribe.Subscriber));
        });
        Receive<ComponentMessage.UnsubscribeCurrentState>(unsubscribe => _context.CurrentStatePublisher.Unsubscribe(unsubscribe.Subscriber));
        Receive<SupervisorMessage.Lock>(request => _lock.Lock(Timers, request));
        Receive<SupervisorMessage.Unlock>(request => _lock.Unlock(Timers, request));
        Receive<LockLeaseTimer>(timer => _lock.OnLeaseTimer(Timers, timer));
        // Whether GoOffline/GoOnline apply is decided again when their turn comes (StillApplies):
        // one queued before them may change the state in between.
        Receive<SupervisorMessage>(change => IsModeChange(change) && IsRunning, change => _lane.Enqueue(new LaneItem(change, null)));
        Receive<SupervisorMessage>(change => change is SupervisorMessage.Restart or SupervisorMessage.Shutdown && _state != SupervisorLifecycleState.Shutdown, change => _lane.Enqueue(new LaneItem(change, null)));
        Receive<SupervisorMessage.GetSupervisorLifecycleState>(get => get.ReplyTo.Tell(_state));
        Receive<SupervisorMessage.SubscribeLifecycleState>(subscribe =>
        {
            subscribe.Subscriber.Tell(new LifecycleStateChanged(Self, _state));
            _lifecycle.Subscribe(subscribe.Subscriber);
        });
        Receive<SupervisorMessage.UnsubscribeLifecycleState>(unsubscribe => _lifecycle.Unsubscribe(unsubscribe.Subscriber));
        Receive<HandlerFinished>(finished => _lane.OnFinished(finished.Item));
        Receive<InitializeFinished>(initialized => OnInitializeFinished(initialized));
        Receive<LocationEventReceived>(received =>
        {
            if (_state != SupervisorLifecycleState.Shutdown)
            {
                _lane.Enqueue(new LaneItem(received, null));
            }
        });
        Receive<HandlerChildStopped>(OnHandlerChildStopped);
        Receive<OldInitializeEnded>(ended =>
        {
            if (ended.Initializing == _oldInitialize)
            {
                _oldInitialize = null;
                StartInitializeWhenFenced();
            }
        });
        Receive<OldInitializeOverdue>(overdue =>
        {
            if (overdue.Initializing == _oldInitialize && _state != SupervisorLifecycleState.Shutdown)
            {
                ShutDown($"because the old handlers' InitializeAsync still runs {_options.ShutdownTimeout.TotalSeconds:0.###} s after its timeout: a new instance must not initialize beside it");
            }
        });
        Receive<StopSelf>(_ => Context.Stop(Self));
        Receive<RegistrationFinished>(OnRegistrationFinished);
        Receive<SupervisorMessage>(message => Log.LogWarning("{Component} ignored {Message} in state {State}", _context.ComponentInfo, message.GetType().Name, _state));
    }

    private static bool IsModeChange(SupervisorMessage message) =>
        message is SupervisorMessage.GoOffline or SupervisorMessage.GoOnline or SupervisorMessage.DiagnosticMode or SupervisorMessage.OperationsMode;

    protected override SupervisorStrategy SupervisorStrategy() => _childStrategy;

    protected override void PreStart()
    {
        StartTracking();
        StartInitialize();
    }

    protected override void PostStop()
    {
        _context.Timers.CancelAll();
        _tracking.ForEach(tracking => tracking.Dispose());
        if (_registration is { } registration)
        {
            _ = registration.DisposeAsync().AsTask();
        }
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
                ReplaceHandlers();
                break;
            case SupervisorMessage.Shutdown:
                ShutDown("on request");
                break;
        }
    }

    /// <summary>Whether a queued lifecycle change still applies now that its turn has come; logs the ones that do not.</summary>
    internal bool StillApplies(LaneItem item)
    {
        var applies = item.Message switch
        {
            SupervisorMessage.GoOffline => _state == SupervisorLifecycleState.Running,
            SupervisorMessage.GoOnline => _state == SupervisorLifecycleState.RunningOffline,
            _ => true,
        };
        if (!applies)
        {
            Log.LogWarning("{Component} ignored {Message} in state {State}", _context.ComponentInfo, item.Message.GetType().Name, _state);
        }
        return applies;
    }

    /// <summary>A Submit or Oneway with a request id runs only if the CRM has not seen the id; a repeat is answered there.</summary>
    private void AdmitRequest(string requestId, ControlCommand command, bool isSubmit, IActorRef replyTo, ComponentMessage message)
    {
        var runId = RunIds.New();
        _context.CommandResponseManager.AdmitRequest(requestId, runId, command.CommandName.Name, isSubmit, replyTo, new RequestAdmitted(new LaneItem(message, runId)), Self);
    }

    // While initializing, commands wait in the (held) lane and run once the component is Running.
    private void AdmitCommand(LaneItem item)
    {
        var command = ((ComponentMessage)item.Message) switch
        {
            ComponentMessage.Validate validate => validate.Command,
            ComponentMessage.Submit submit => submit.Command,
            ComponentMessage.Oneway oneway => oneway.Command,
            var other => throw new InvalidOperationException($"{other.GetType().Name} is not a command."),
        };
        if (_state == SupervisorLifecycleState.Shutdown || !_lock.Allows(command.Source) || _lane.Waiting >= _options.MaxQueuedCommands)
        {
            Refuse(item);
            return;
        }
        _lane.Enqueue(item);
    }

    /// <summary>Answers a command that will never run.</summary>
    private void Refuse(LaneItem item)
    {
        var runId = item.RunId ?? RunIds.New();
        switch (item.Message)
        {
            case ComponentMessage.Validate validate:
                validate.ReplyTo.Tell(Refusal(runId, validate.Command));
                break;
            case ComponentMessage.Submit submit:
                _context.CommandResponseManager.RespondToSubmit((ISubmitResponse)Refusal(runId, submit.Command), submit.ReplyTo, submit.RequestId);
                break;
            case ComponentMessage.Oneway oneway:
                _context.CommandResponseManager.RespondToOneway((IOnewayResponse)Refusal(runId, oneway.Command), oneway.ReplyTo, oneway.RequestId);
                break;
        }
    }

    private CommandResponse Refusal(Id runId, ControlCommand command)
    {
        var info = _context.ComponentInfo;
        if (_state == SupervisorLifecycleState.Shutdown)
        {
            return new Invalid(runId, new CommandIssue(CommandIssueKind.WrongInternalStateIssue, $"{info} cannot run {command.CommandName} while {_state}."));
        }
        if (!_lock.Allows(command.Source))
        {
            return new Locked(runId);
        }
        var busy = info.ComponentType == ComponentType.Assembly ? CommandIssueKind.AssemblyBusyIssue : CommandIssueKind.HCDBusyIssue;
        return new Invalid(runId, new CommandIssue(busy, $"{info} is busy: {_lane.Waiting} commands already wait for its handlers (the limit); {command.CommandName} was not run."));
    }

    private void StartInitialize()
    {
        _lane.Hold();
        ChangeState(SupervisorLifecycleState.Idle);
        _initializer.Start();
    }

    private void OnInitializeFinished(InitializeFinished initialized)
    {
        switch (_initializer.OnFinished(initialized, Log))
        {
            case Initializer.Outcome.Initialized:
                Handlers.IsOnline = true;
                ChangeState(SupervisorLifecycleState.Running);
                Register();
                _lane.Release();
                break;
            case Initializer.Outcome.Retry:
                _context.Timers.CancelAll();
                ReplaceHandlers();
                break;
            case Initializer.Outcome.GiveUp:
                ShutDown("after repeated initialize failures");
                break;
        }
    }

    /// <summary>
    /// Stops the actors the old handlers started (every child but the framework's own), and
    /// initializes a fresh instance once they have stopped and the old instance's InitializeAsync
    /// (if it outlived its timeout) has ended: the new instance may start children under the same
    /// names, and must not meet the old instance still at work. (The old OnShutdownAsync has ended
    /// already: a Restart whose shutdown outlives its timeout shuts the component down instead.)
    /// </summary>
    private void ReplaceHandlers()
    {
        _lane.Hold();
        foreach (var child in Context.GetChildren().Where(child => !_frameworkChildren.Contains(child)))
        {
            Context.WatchWith(child, new HandlerChildStopped(child));
            Context.Stop(child);
            _stoppingChildren.Add(child);
        }
        if (_initializer.Initializing is { IsCompleted: false } initializing)
        {
            _oldInitialize = initializing;
            var self = Self;
            initializing.ContinueWith(task => self.Tell(new OldInitializeEnded(task)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Timers.StartSingleTimer(nameof(OldInitializeOverdue), new OldInitializeOverdue(initializing), _options.ShutdownTimeout);
            Log.LogWarning("{Component}: the old handlers' InitializeAsync still runs after its timeout; the new instance waits until it ends", _context.ComponentInfo);
        }
        StartInitializeWhenFenced();
    }

    private void OnHandlerChildStopped(HandlerChildStopped stopped)
    {
        if (_stoppingChildren.Remove(stopped.Child))
        {
            StartInitializeWhenFenced();
        }
    }

    private void StartInitializeWhenFenced()
    {
        if (_stoppingChildren.Count == 0 && _oldInitialize is null && _state != SupervisorLifecycleState.Shutdown)
        {
            Timers.Cancel(nameof(OldInitializeOverdue));
            StartInitialize();
        }
    }

    /// <summary>The CRM's settings: journaled under the component's prefix when a journal is configured.</summary>
    private static CrmOptions CrmOptionsFor(ComponentInfo info, CrmOptions options) =>
        options.Journal is not null && options.PersistenceId is null ? options with { PersistenceId = $"crm/{info.Prefix}" } : options;

    private void StartTracking()
    {
        if (_context.ComponentInfo.LocationServiceUsage != LocationServiceUsage.RegisterAndTrackServices)
        {
            return;
        }
        var self = Self;
        foreach (var connection in _context.ComponentInfo.Connections)
        {
            _tracking.Add(_context.LocationService.Subscribe(Connection.Pekko(connection), change => self.Tell(new LocationEventReceived(change))));
        }
    }

    // Registered once Running, so that whoever finds the component can use it at once.
    private void Register()
    {
        if (_registering || _context.ComponentInfo.LocationServiceUsage == LocationServiceUsage.DoNotRegister)
        {
            return;
        }
        _registering = true;
        ComponentRegistrar.RegisterAsync(Self, Context.System, _context.ComponentInfo, _options, _context.LocationService)
            .PipeTo(Self, success: registrar => new RegistrationFinished(registrar, null), failure: failure => new RegistrationFinished(null, failure));
    }

    private void OnRegistrationFinished(RegistrationFinished registered)
    {
        if (registered.Failure is { } failure)
        {
            Log.LogError(failure, "{Component} could not start its command endpoint or register its location; others cannot find it", _context.ComponentInfo);
        }
        else if (_state == SupervisorLifecycleState.Shutdown)
        {
            _ = registered.Registration!.DisposeAsync().AsTask();
        }
        else
        {
            _registration = registered.Registration;
        }
    }

    private void ShutDown(string why)
    {
        Log.LogInformation("{Component} shuts down {Why}", _context.ComponentInfo, why);
        ChangeState(SupervisorLifecycleState.Shutdown);
        _context.Timers.CancelAll();
        foreach (var item in _lane.TakeWaiting())
        {
            Refuse(item);
        }
        // Stopping now would stop the lifecycle publisher (a child) before it hands out the Shutdown
        // change: stop once it has answered a question asked after that change, so after handing it out.
        // Unregister first, and wait for it: a process that exits once its components stopped must
        // not leave their locations behind.
        var registration = _registration;
        _registration = null;
        UnregisterThenAsync(registration, _lifecycle.SubscriberCountAsync()).PipeTo(Self, success: _ => new StopSelf(), failure: _ => new StopSelf());
    }

    private static async Task<int> UnregisterThenAsync(IAsyncDisposable? registration, Task<int> then)
    {
        if (registration is not null)
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
        return await then.ConfigureAwait(false);
    }

    private void ChangeState(SupervisorLifecycleState state)
    {
        if (_state == state)
        {
            return;
        }
        _state = state;
        _lifecycle.Publish(new LifecycleStateChanged(Self, state));
    }
}
