using System.Runtime.CompilerServices;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal;

/// <summary>The command patterns built from the basic calls, the same for every kind of command service.</summary>
internal static class CommandPatterns
{
    public static async Task<ISubmitResponse> SubmitAndWaitAsync(ICommandService service, ControlCommand command, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var first = await service.SubmitAsync(command, cancellationToken).ConfigureAwait(false);
        return first is Started started ? await service.QueryFinalAsync(started.RunId, timeout, cancellationToken).ConfigureAwait(false) : first;
    }

    public static async Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(ICommandService service, IEnumerable<ControlCommand> commands, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var responses = new List<ISubmitResponse>();
        foreach (var command in commands)
        {
            var response = await service.SubmitAndWaitAsync(command, timeout, cancellationToken).ConfigureAwait(false);
            responses.Add(response);
            if (response.IsNegative)
            {
                break;
            }
        }
        return responses;
    }

    /// <summary>Sends a oneway once a subscription to the matcher's state is in place, then waits for a match.</summary>
    /// <param name="service">Sends the oneway.</param>
    /// <param name="subscribe">Subscribes to the given names; the task completes once the subscription is in place.</param>
    /// <param name="command">The command.</param>
    /// <param name="matcher">What to wait for, and how long.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    public static async Task<IMatchingResponse> OnewayAndMatchAsync<TSubscription>(
        ICommandService service,
        Func<IReadOnlyList<StateName>, CancellationToken, Task<TSubscription>> subscribe,
        ControlCommand command,
        StateMatcher matcher,
        CancellationToken cancellationToken)
        where TSubscription : IAsyncEnumerable<CurrentState>, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(matcher);
        // Subscribe before sending, so that a state published right after the command is not missed.
        var subscription = await subscribe([matcher.StateName], cancellationToken).ConfigureAwait(false);
        await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
        {
            var answer = await service.OnewayAsync(command, cancellationToken).ConfigureAwait(false);
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
    }

    /// <summary>The states of a subscription made by <paramref name="subscribe"/>, which is disposed when the enumeration ends.</summary>
    public static async IAsyncEnumerable<CurrentState> StatesAsync<TSubscription>(
        Func<IReadOnlyList<StateName>?, CancellationToken, Task<TSubscription>> subscribe,
        IEnumerable<StateName>? names,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TSubscription : IAsyncEnumerable<CurrentState>, IAsyncDisposable
    {
        var subscription = await subscribe(names?.ToList(), cancellationToken).ConfigureAwait(false);
        await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
        {
            await foreach (var state in subscription.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return state;
            }
        }
    }

    /// <summary>Calls <paramref name="onState"/> with each state of <paramref name="service"/>'s stream, until disposed.</summary>
    public static IAsyncDisposable Callback(ICommandService service, Action<CurrentState> onState, IEnumerable<StateName>? names, CommandServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(onState);
        return new CallbackSubscription(service.SubscribeCurrentState(names), onState, options.LoggerFactory.CreateLogger<CallbackSubscription>());
    }
}
