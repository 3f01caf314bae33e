using Csw.Actors;
using Csw.Command;
using Csw.Crm;
using Csw.Location;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Hosts a component's handlers. Reads as one table over (lifecycle state, message):
/// queries, CurrentState subscriptions, locks and lifecycle queries are answered here at once;
/// commands and lifecycle changes go through the <see cref="HandlerLane"/>, which calls the
/// handlers one at a time without holding up this actor.
/// </summary>
internal sealed class Supervisor : IActor<ComponentMessage>
{
    /// <summary>Makes a fresh handlers instance (at start and each restart).</summary>
    private readonly Func<CswContext, ComponentHandlers> _factory;

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

    /// <summary>When each failed initialize attempt ended, to count them within the restart window.</summary>
    private readonly Queue<long> _initializeFailures = new();

    /// <summary>Tracking of the component's connections, ended when it stops.</summary>
    private readonly List<IDisposable> _tracking = [];

    /// <summary>The component's registration in the location service, once registered.</summary>
    private IAsyncDisposable? _registration;

    /// <summary>Whether registration was started (once, on first reaching Running).</summary>
    private bool _registering;

    /// <summary>The current handlers instance.</summary>
    private ComponentHandlers? _handlers;

    /// <summary>The lifecycle state.</summary>
    private SupervisorLifecycleState _state = SupervisorLifecycleState.Idle;

    /// <summary>Numbers initialize attempts, so that a late result of an abandoned attempt is ignored.</summary>
    private int _initializeAttempt;

    public Supervisor(IActorContext<ComponentMessage> context, ComponentInfo info, Func<CswContext, ComponentHandlers> factory, ComponentOptions options)
    {
        _factory = factory;
        _options = options;
        var loggerFactory = context.System.Options.LoggerFactory;
        var publisher = CurrentStatePublisher.Start(context, options.CurrentState);
        var crm = CommandResponseManager.Start(context, options.Crm);
        _lifecycle = PubSub<LifecycleStateChanged>.Start(context, "lifecycle");
        var locationService = options.LocationService ?? SystemLocationServices.For(context.System);
        _context = new CswContext(info, context.Self, publisher, crm, loggerFactory, new ComponentTimers(loggerFactory.CreateLogger<ComponentTimers>()), locationService, options.Commands with { LoggerFactory = loggerFactory });
        _lock = new LockManager(options.AdminPrefix);
        _lane = new HandlerLane(this, context);
    }

    /// <summary>The handlers the lane calls.</summary>
    internal ComponentHandlers Handlers => _handlers!;

    internal CswContext Context => _context;

    internal ComponentOptions Options => _options;

    public ValueTask ReceiveAsync(IActorContext<ComponentMessage> context, ComponentMessage message)
    {
        switch (message)
        {
            case ComponentMessage.Validate validate:
                AdmitCommand(validate.Command, message);
                break;
            case ComponentMessage.Submit submit:
                AdmitCommand(submit.Command, message);
                break;
            case ComponentMessage.Oneway oneway:
                AdmitCommand(oneway.Command, message);
                break;
            case ComponentMessage.Query query:
                _context.CommandResponseManager.Query(query.RunId, query.ReplyTo);
                break;
            case ComponentMessage.QueryFinal queryFinal:
                _context.CommandResponseManager.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo);
                break;
            case ComponentMessage.SubscribeCurrentState subscribe:
                subscribe.ReplyTo.Tell(_context.CurrentStatePublisher.Subscribe(subscribe.Names));
                break;
            case SupervisorMessage.Lock lockRequest:
                _lock.Lock(context, lockRequest);
                break;
            case SupervisorMessage.Unlock unlock:
                _lock.Unlock(context, unlock);
                break;
            case LockLeaseTimer timer:
                _lock.OnLeaseTimer(context, timer);
                break;
            // Whether GoOffline/GoOnline apply is decided again when their turn comes (StillApplies):
            // one queued before them may change the state in between.
            case SupervisorMessage.GoOffline or SupervisorMessage.GoOnline when IsRunning:
            case SupervisorMessage.DiagnosticMode or SupervisorMessage.OperationsMode when IsRunning:
            case SupervisorMessage.Restart or SupervisorMessage.Shutdown when _state != SupervisorLifecycleState.Shutdown:
                _lane.Enqueue(new LaneItem(message, null));
                break;
            case SupervisorMessage.GetSupervisorLifecycleState get:
                get.ReplyTo.Tell(_state);
                break;
            case SupervisorMessage.SubscribeLifecycleState subscribe:
                subscribe.Subscriber.Tell(new LifecycleStateChanged(context.Self, _state));
                _lifecycle.Subscribe(subscribe.Subscriber);
                break;
            case SupervisorMessage.UnsubscribeLifecycleState unsubscribe:
                _lifecycle.Unsubscribe(unsubscribe.Subscriber);
                break;
            case HandlerFinished finished:
                _lane.OnFinished(finished.Item);
                break;
            case InitializeFinished initialized when initialized.Attempt == _initializeAttempt:
                OnInitializeFinished(context, initialized.Failure);
                break;
            case LocationEventReceived when _state != SupervisorLifecycleState.Shutdown:
                _lane.Enqueue(new LaneItem(message, null));
                break;
            case StopSelf:
                context.Stop(context.Self);
                break;
            case RegistrationFinished registered:
                OnRegistrationFinished(context, registered);
                break;
            case SupervisorMessage:
                context.Log.LogWarning("{Component} ignored {Message} in state {State}", _context.ComponentInfo, message.GetType().Name, _state);
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSignalAsync(IActorContext<ComponentMessage> context, Signal signal)
    {
        switch (signal)
        {
            case PreStart:
                StartTracking(context);
                StartInitialize(context);
                break;
            case PostStop:
                _context.Timers.CancelAll();
                _tracking.ForEach(tracking => tracking.Dispose());
                LocalActorUri.Forget(context.Self);
                if (_registration is { } registration)
                {
                    _ = registration.DisposeAsync().AsTask();
                }
                _ = _context.DisposeRemoteServicesAsync();
                break;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Applies what a finished lane item changes in the supervisor; on the supervisor's turn.</summary>
    internal void AfterHandlerCall(IActorContext<ComponentMessage> context, LaneItem item)
    {
        switch (item.Message)
        {
            case SupervisorMessage.GoOffline:
                _handlers!.IsOnline = false;
                ChangeState(context, SupervisorLifecycleState.RunningOffline);
                break;
            case SupervisorMessage.GoOnline:
                _handlers!.IsOnline = true;
                ChangeState(context, SupervisorLifecycleState.Running);
                break;
            case SupervisorMessage.Restart:
                _context.Timers.CancelAll();
                ChangeState(context, SupervisorLifecycleState.Restart);
                _initializeFailures.Clear();
                StartInitialize(context);
                break;
            case SupervisorMessage.Shutdown:
                ShutDown(context, "on request");
                break;
        }
    }

    /// <summary>Whether a queued lifecycle change still applies now that its turn has come; logs the ones that do not.</summary>
    internal bool StillApplies(IActorContext<ComponentMessage> context, LaneItem item)
    {
        var applies = item.Message switch
        {
            SupervisorMessage.GoOffline => _state == SupervisorLifecycleState.Running,
            SupervisorMessage.GoOnline => _state == SupervisorLifecycleState.RunningOffline,
            _ => true,
        };
        if (!applies)
        {
            context.Log.LogWarning("{Component} ignored {Message} in state {State}", _context.ComponentInfo, item.Message.GetType().Name, _state);
        }
        return applies;
    }

    private bool IsRunning => _state is SupervisorLifecycleState.Running or SupervisorLifecycleState.RunningOffline;

    // While initializing, commands wait in the (held) lane and run once the component is Running.
    private void AdmitCommand(ControlCommand command, ComponentMessage message)
    {
        var item = new LaneItem(message, RunIds.New());
        if (_state == SupervisorLifecycleState.Shutdown || !_lock.Allows(command.Source))
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
                validate.ReplyTo.Tell((IValidateResponse)Refusal(runId, validate.Command));
                break;
            case ComponentMessage.Submit submit:
                RefuseSubmit(submit, runId);
                break;
            case ComponentMessage.Oneway oneway:
                oneway.ReplyTo.Tell((IOnewayResponse)Refusal(runId, oneway.Command));
                break;
        }
    }

    private CommandResponse Refusal(Id runId, ControlCommand command) =>
        _state != SupervisorLifecycleState.Shutdown
            ? new Locked(runId)
            : new Invalid(runId, new CommandIssue(CommandIssueKind.WrongInternalStateIssue, $"{_context.ComponentInfo} cannot run {command.CommandName} while {_state}."));

    private void RefuseSubmit(ComponentMessage.Submit submit, Id runId)
    {
        var response = (ISubmitResponse)Refusal(runId, submit.Command);
        _context.CommandResponseManager.UpdateCommand(response);
        submit.ReplyTo.Tell(response);
    }

    private void StartInitialize(IActorContext<ComponentMessage> context)
    {
        var attempt = ++_initializeAttempt;
        _lane.Hold();
        ChangeState(context, SupervisorLifecycleState.Idle);
        Task initializing;
        try
        {
            _handlers = _factory(_context);
            initializing = InitializeWithTimeoutAsync(_handlers, _context.ComponentInfo);
        }
        catch (Exception e)
        {
            initializing = Task.FromException(e);
        }
        context.PipeToSelf(
            initializing.ContinueWith(static t => t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null), TaskScheduler.Default),
            failure => new InitializeFinished(attempt, failure),
            failure => new InitializeFinished(attempt, failure));
    }

    private static async Task InitializeWithTimeoutAsync(ComponentHandlers handlers, ComponentInfo info)
    {
        using var timeout = new CancellationTokenSource();
        var initializing = handlers.InitializeAsync(timeout.Token);
        try
        {
            await initializing.WaitAsync(info.InitializeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await timeout.CancelAsync().ConfigureAwait(false);
            throw new TimeoutException($"{info} did not finish initializing within {info.InitializeTimeout.TotalSeconds:0.###} s.");
        }
    }

    private void OnInitializeFinished(IActorContext<ComponentMessage> context, Exception? failure)
    {
        if (failure is null)
        {
            _handlers!.IsOnline = true;
            ChangeState(context, SupervisorLifecycleState.Running);
            Register(context);
            _lane.Release();
            return;
        }
        var now = Environment.TickCount64;
        _initializeFailures.Enqueue(now);
        while (_initializeFailures.Peek() < now - (long)_options.InitializeRestartWindow.TotalMilliseconds)
        {
            _initializeFailures.Dequeue();
        }
        if (_initializeFailures.Count > _options.MaxInitializeRestarts)
        {
            context.Log.LogError(failure, "{Component} failed to initialize {Count} times within {Window}; shutting down", _context.ComponentInfo, _initializeFailures.Count, _options.InitializeRestartWindow);
            ShutDown(context, "after repeated initialize failures");
            return;
        }
        context.Log.LogError(failure, "{Component} failed to initialize; restarting it with a fresh handlers instance", _context.ComponentInfo);
        _context.Timers.CancelAll();
        StartInitialize(context);
    }

    private void StartTracking(IActorContext<ComponentMessage> context)
    {
        if (_context.ComponentInfo.LocationServiceUsage != LocationServiceUsage.RegisterAndTrackServices)
        {
            return;
        }
        var self = context.Self;
        foreach (var connection in _context.ComponentInfo.Connections)
        {
            _tracking.Add(_context.LocationService.Subscribe(Connection.Pekko(connection), change => self.Tell(new LocationEventReceived(change))));
        }
    }

    // Registered once Running, so that whoever finds the component can use it at once.
    private void Register(IActorContext<ComponentMessage> context)
    {
        if (_registering || _context.ComponentInfo.LocationServiceUsage == LocationServiceUsage.DoNotRegister)
        {
            return;
        }
        _registering = true;
        context.PipeToSelf(
            ComponentRegistrar.RegisterAsync(context.Self, _context.ComponentInfo, _options, _context.LocationService),
            registrar => new RegistrationFinished(registrar, null),
            failure => new RegistrationFinished(null, failure));
    }

    private void OnRegistrationFinished(IActorContext<ComponentMessage> context, RegistrationFinished registered)
    {
        if (registered.Failure is { } failure)
        {
            context.Log.LogError(failure, "{Component} could not start its command endpoint or register its location; others cannot find it", _context.ComponentInfo);
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

    private void ShutDown(IActorContext<ComponentMessage> context, string why)
    {
        context.Log.LogInformation("{Component} shuts down {Why}", _context.ComponentInfo, why);
        ChangeState(context, SupervisorLifecycleState.Shutdown);
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
        context.PipeToSelf(UnregisterThenAsync(registration, _lifecycle.SubscriberCountAsync()), _ => new StopSelf(), _ => new StopSelf());
    }

    private static async Task<int> UnregisterThenAsync(IAsyncDisposable? registration, Task<int> then)
    {
        if (registration is not null)
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
        return await then.ConfigureAwait(false);
    }

    private void ChangeState(IActorContext<ComponentMessage> context, SupervisorLifecycleState state)
    {
        if (_state == state)
        {
            return;
        }
        _state = state;
        _lifecycle.Publish(new LifecycleStateChanged(context.Self, state));
    }
}
