using System.Runtime.CompilerServices;
using Csw.Actors;
using Csw.Params;
using Csw.PubSub;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal;

/// <summary>The command service of a component in this process: asks to its supervisor actor.</summary>
internal sealed class LocalCommandService(ActorRef<ComponentMessage> component, CommandServiceOptions options) : ICommandService
{
    public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return component.AskAsync<IValidateResponse>(replyTo => new ComponentMessage.Validate(command, replyTo), options.Timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return component.AskAsync<ISubmitResponse>(replyTo => new ComponentMessage.Submit(command, replyTo), options.Timeout, cancellationToken);
    }

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAndWaitAsync(this, command, timeout, cancellationToken);

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAllAndWaitAsync(this, commands, timeout, cancellationToken);

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return component.AskAsync<IOnewayResponse>(replyTo => new ComponentMessage.Oneway(command, replyTo), options.Timeout, cancellationToken);
    }

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) =>
        CommandPatterns.OnewayAndMatchAsync(this, SubscribeAsync, command, matcher, cancellationToken);

    public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return component.AskAsync<ISubmitResponse>(replyTo => new ComponentMessage.Query(runId, replyTo), options.Timeout, cancellationToken);
    }

    public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return component.AskAsync<ISubmitResponse>(replyTo => new ComponentMessage.QueryFinal(runId, replyTo), timeout ?? options.FinalTimeout, cancellationToken);
    }

    public async IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var subscription = await SubscribeAsync(names?.ToList(), cancellationToken).ConfigureAwait(false);
        await foreach (var state in subscription.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return state;
        }
    }

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null)
    {
        ArgumentNullException.ThrowIfNull(onState);
        return new CallbackSubscription(SubscribeCurrentState(names), onState, options.LoggerFactory.CreateLogger<CallbackSubscription>());
    }

    /// <summary>A subscription that is in place when the task completes.</summary>
    internal Task<Subscription<CurrentState>> SubscribeAsync(IReadOnlyList<StateName>? names, CancellationToken cancellationToken) =>
        component.AskAsync<Subscription<CurrentState>>(replyTo => new ComponentMessage.SubscribeCurrentState(names, replyTo), options.Timeout, cancellationToken);
}
