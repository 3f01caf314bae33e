using System.Diagnostics;
using Akka.Actor;
using Csw.Command.Internal.Replies;
using Csw.Crm;
using Csw.Params;
using Csw.PubSub;

namespace Csw.Command.Internal;

/// <summary>The command service of a component in this process: requests to its supervisor actor, answered at lean reply addresses.</summary>
internal sealed class LocalCommandService : ICommandService, IRequestIdCommands
{
    /// <summary>The component's supervisor.</summary>
    private readonly IInternalActorRef _component;

    /// <summary>Timeouts and logging.</summary>
    private readonly CommandServiceOptions _options;

    /// <summary>The path all of this service's reply addresses show.</summary>
    private readonly ActorPath _replyPath;

    public LocalCommandService(IActorRef component, CommandServiceOptions options)
    {
        _component = component as IInternalActorRef is { IsLocal: true } local
            ? local
            : throw new ArgumentException($"{component} is not an actor of this process.", nameof(component));
        _options = options;
        _replyPath = _component.Provider.TempPath();
    }

    public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (timeout, trace) = (_options.Timeout, TraceParent());
        return Ask<IValidateResponse, ComponentMessage.Validate>(replyTo => new ComponentMessage.Validate(command, replyTo) { Deadline = DateTime.UtcNow + timeout, TraceParent = trace }, timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default) =>
        SubmitAsync(command, null, cancellationToken);

    public Task<ISubmitResponse> SubmitAsync(ControlCommand command, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The deadline tells the component when this caller stops waiting: a command still queued then is not run.
        var (timeout, trace) = (_options.Timeout, TraceParent());
        return Ask<ISubmitResponse, ComponentMessage.Submit>(replyTo => new ComponentMessage.Submit(command, replyTo) { RequestId = requestId, Deadline = DateTime.UtcNow + timeout, TraceParent = trace }, timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAndWaitAsync(this, command, timeout, cancellationToken);

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAllAndWaitAsync(this, commands, timeout, cancellationToken);

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default) =>
        OnewayAsync(command, null, cancellationToken);

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (timeout, trace) = (_options.Timeout, TraceParent());
        return Ask<IOnewayResponse, ComponentMessage.Oneway>(replyTo => new ComponentMessage.Oneway(command, replyTo) { RequestId = requestId, Deadline = DateTime.UtcNow + timeout, TraceParent = trace }, timeout, cancellationToken);
    }

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) =>
        CommandPatterns.OnewayAndMatchAsync(this, SubscribeAsync, command, matcher, cancellationToken);

    public async Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return UnknownCommandException.ThrowIfUnknown(await Ask<ISubmitResponse, ComponentMessage.Query>(replyTo => new ComponentMessage.Query(runId, replyTo), _options.Timeout, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var wait = timeout ?? _options.FinalTimeout;
        return UnknownCommandException.ThrowIfUnknown(await Ask<ISubmitResponse, ComponentMessage.QueryFinal>(replyTo => new ComponentMessage.QueryFinal(runId, replyTo) { Deadline = DateTime.UtcNow + wait }, wait, cancellationToken).ConfigureAwait(false));
    }

    public IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.StatesAsync(SubscribeAsync, names, cancellationToken);

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null) =>
        CommandPatterns.Callback(this, onState, names, _options);

    /// <summary>A subscription that is in place when the task completes.</summary>
    internal Task<Subscription<CurrentState>> SubscribeAsync(IReadOnlyList<StateName>? names, CancellationToken cancellationToken) =>
        Ask<Subscription<CurrentState>, ComponentMessage.SubscribeCurrentState>(replyTo => new ComponentMessage.SubscribeCurrentState(names, replyTo), _options.Timeout, cancellationToken);

    // Read per command: an AsyncLocal, a few nanoseconds; none when the caller is not traced.
    private static ActivityContext TraceParent() => Activity.Current?.Context ?? default;

    private Task<TReply> Ask<TReply, TRequest>(Func<IActorRef, TRequest> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        ReplyRef<TReply>.AskAsync(_component, _replyPath, request, timeout, cancellationToken);
}
