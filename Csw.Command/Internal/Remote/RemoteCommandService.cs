using System.Diagnostics;
using Akka.Actor;
using Csw.Crm;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// The command service of a component in another process of the cluster, reached over Akka.Remote
/// through its supervisor's actor reference (CSW's <c>pekko</c> connection). Commands and queries go
/// through a <see cref="CommandChannel"/> (batched with other callers'), subscriptions through Akka's
/// Ask; messages cross the wire through <see cref="CswMessageSerializer"/>.
/// </summary>
internal sealed class RemoteCommandService(IActorRef component, ActorSystem system, CommandServiceOptions options) : ICommandService
{
    private readonly CommandChannel _channel = new(component, system);

    public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (deadline, trace) = (DateTime.UtcNow + options.Timeout, Activity.Current?.Context ?? default);
        return _channel.AskAsync<IValidateResponse>(replyTo => new ComponentMessage.Validate(command, replyTo) { Deadline = deadline, TraceParent = trace }, options.Timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (requestId, deadline, trace) = (RequestIds.New(), DateTime.UtcNow + options.Timeout, Activity.Current?.Context ?? default);
        return _channel.AskIdempotentAsync<ISubmitResponse>(replyTo => new ComponentMessage.Submit(command, replyTo) { RequestId = requestId, Deadline = deadline, TraceParent = trace }, options.Timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAndWaitAsync(this, command, timeout, cancellationToken);

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAllAndWaitAsync(this, commands, timeout, cancellationToken);

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (requestId, deadline, trace) = (RequestIds.New(), DateTime.UtcNow + options.Timeout, Activity.Current?.Context ?? default);
        return _channel.AskIdempotentAsync<IOnewayResponse>(replyTo => new ComponentMessage.Oneway(command, replyTo) { RequestId = requestId, Deadline = deadline, TraceParent = trace }, options.Timeout, cancellationToken);
    }

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) =>
        CommandPatterns.OnewayAndMatchAsync(this, SubscribeAsync, command, matcher, cancellationToken);

    public async Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return UnknownCommandException.ThrowIfUnknown(await _channel.AskAsync<ISubmitResponse>(replyTo => new ComponentMessage.Query(runId, replyTo), options.Timeout, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var wait = timeout ?? options.FinalTimeout;
        var deadline = DateTime.UtcNow + wait;
        return UnknownCommandException.ThrowIfUnknown(await _channel.AskAsync<ISubmitResponse>(replyTo => new ComponentMessage.QueryFinal(runId, replyTo) { Deadline = deadline }, wait, cancellationToken).ConfigureAwait(false));
    }

    public IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.StatesAsync(SubscribeAsync, names, cancellationToken);

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null) =>
        CommandPatterns.Callback(this, onState, names, options);

    private Task<RemoteStateSubscription> SubscribeAsync(IReadOnlyList<StateName>? names, CancellationToken cancellationToken) =>
        RemoteStateSubscription.StartAsync(component, system, names, options.Timeout, cancellationToken);
}
