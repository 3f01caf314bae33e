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

    public async Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var first = await SubmitAsync(command, cancellationToken).ConfigureAwait(false);
        return first is Started started ? await QueryFinalAsync(started.RunId, timeout, cancellationToken).ConfigureAwait(false) : first;
    }

    public async Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var responses = new List<ISubmitResponse>();
        foreach (var command in commands)
        {
            var response = await SubmitAndWaitAsync(command, timeout, cancellationToken).ConfigureAwait(false);
            responses.Add(response);
            if (response.IsNegative)
            {
                break;
            }
        }
        return responses;
    }

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return component.AskAsync<IOnewayResponse>(replyTo => new ComponentMessage.Oneway(command, replyTo), options.Timeout, cancellationToken);
    }

    public async Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        // Subscribe before sending, so that a state published right after the command is not missed.
        await using var subscription = await SubscribeAsync([matcher.StateName], cancellationToken).ConfigureAwait(false);
        var answer = await OnewayAsync(command, cancellationToken).ConfigureAwait(false);
        if (answer is not Accepted accepted)
        {
            return (IMatchingResponse)answer;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(matcher.Timeout);
        try
        {
            await foreach (var state in subscription.WithCancellation(timeout.Token).ConfigureAwait(false))
            {
                if (matcher.Check(state))
                {
                    return new Completed(accepted.RunId);
                }
            }
            return new Error(accepted.RunId, $"The CurrentState stream of {matcher.Prefix} ended before {matcher.StateName} matched.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Error(accepted.RunId, $"{matcher.Prefix} did not publish a {matcher.StateName} state matching {matcher.GetType().Name} within {matcher.Timeout.TotalMilliseconds:0} ms.");
        }
    }

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

    private Task<Subscription<CurrentState>> SubscribeAsync(IReadOnlyList<StateName>? names, CancellationToken cancellationToken) =>
        component.AskAsync<Subscription<CurrentState>>(replyTo => new ComponentMessage.SubscribeCurrentState(names, replyTo), options.Timeout, cancellationToken);
}
