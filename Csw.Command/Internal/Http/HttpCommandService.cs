using System.Runtime.CompilerServices;
using Csw.Crm;
using Csw.Params;
using Csw.Params.Messages;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Http;

/// <summary>
/// <see cref="ICommandService"/> for a component in another process, over its HTTP/WebSocket
/// endpoint. Each Submit and Oneway carries a request id; over CswNet's session a request whose
/// answer was lost is sent again with it (<see cref="RequestRetries"/>), and runs once. QueryFinal
/// and CurrentState streams outlive broken connections: they reconnect and ask again until their
/// deadline, so a final response is not lost to a network hiccup.
/// </summary>
internal sealed class HttpCommandService(ICommandTransport transport, CommandServiceOptions options, string target) : ICommandService, IAsyncDisposable
{
    /// <summary>The first pause before asking again after a broken connection; it doubles up to a second.</summary>
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The longest wait asked of the endpoint at once; a longer QueryFinal asks again after each turn.
    /// Endpoints refuse waits above their maximum (<see cref="CommandEndpointOptions.MaxQueryFinalTimeout"/>, at least this).
    /// </summary>
    internal static readonly TimeSpan QueryFinalTurn = TimeSpan.FromMinutes(1);

    private readonly ILogger _log = options.LoggerFactory.CreateLogger<HttpCommandService>();

    public async Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default) =>
        Expect<IValidateResponse>(await SendAsync(new Validate(command ?? throw new ArgumentNullException(nameof(command))), null, cancellationToken).ConfigureAwait(false), "Validate");

    public async Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default) =>
        Expect<ISubmitResponse>(await SendAsync(new Submit(command ?? throw new ArgumentNullException(nameof(command))), RequestIds.New(), cancellationToken).ConfigureAwait(false), "Submit");

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAndWaitAsync(this, command, timeout, cancellationToken);

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAllAndWaitAsync(this, commands, timeout, cancellationToken);

    public async Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default) =>
        Expect<IOnewayResponse>(await SendAsync(new Oneway(command ?? throw new ArgumentNullException(nameof(command))), RequestIds.New(), cancellationToken).ConfigureAwait(false), "Oneway");

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) =>
        CommandPatterns.OnewayAndMatchAsync(this, (names, ct) => transport.SubscribeAsync(new SubscribeCurrentState(names), ct), command, matcher, cancellationToken);

    public async Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default) =>
        UnknownCommandException.ThrowIfUnknown(Expect<ISubmitResponse>(await SendAsync(new Query(runId ?? throw new ArgumentNullException(nameof(runId))), null, cancellationToken).ConfigureAwait(false), "Query"));

    public async Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var wait = timeout ?? options.FinalTimeout;
        var deadline = DateTime.UtcNow + wait;
        var delay = FirstRetryDelay;
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        expiry.CancelAfter(wait);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            try
            {
                // Asked with whole seconds (CSW's timeoutInSeconds), rounded up; the local deadline is exact.
                var seconds = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(Math.Min(remaining.TotalSeconds, QueryFinalTurn.TotalSeconds))));
                return UnknownCommandException.ThrowIfUnknown(await transport.QueryFinalAsync(new QueryFinal(runId, seconds), expiry.Token).ConfigureAwait(false));
            }
            catch (CommandServiceException e) when (e.ErrorName == ErrorBody.Timeout && DateTime.UtcNow < deadline - TimeSpan.FromMilliseconds(100))
            {
                // The endpoint's wait (one turn) ended before ours: ask again at once.
                continue;
            }
            catch (CommandServiceException e) when (e.ErrorName == ErrorBody.Timeout)
            {
                throw new TimeoutException($"{target} gave no final response for {runId} within {wait.TotalSeconds:0.###} s.", e);
            }
            catch (ConnectionLostException e) when (!expiry.IsCancellationRequested)
            {
                _log.LogWarning("QueryFinal for {RunId} at {Target}: {Reason}; asking again in {Delay} ms", runId, target, e.Message, delay.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{target} gave no final response for {runId} within {wait.TotalSeconds:0.###} s.");
            }
            try
            {
                await Task.Delay(delay, expiry.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{target} gave no final response for {runId} within {wait.TotalSeconds:0.###} s (the connection kept breaking).");
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    public async IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new SubscribeCurrentState(names ?? []);
        var delay = FirstRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var stream = await SubscribeOnceAsync(request, cancellationToken).ConfigureAwait(false);
            if (stream is not null)
            {
                await using (((IAsyncDisposable)stream).ConfigureAwait(false))
                {
                    await using var states = stream.GetAsyncEnumerator(cancellationToken);
                    while (await NextAsync(states).ConfigureAwait(false) is { } more)
                    {
                        if (!more)
                        {
                            yield break;
                        }
                        delay = FirstRetryDelay;
                        yield return states.Current;
                    }
                }
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null)
    {
        ArgumentNullException.ThrowIfNull(onState);
        return new CallbackSubscription(SubscribeCurrentState(names), onState, options.LoggerFactory.CreateLogger<CallbackSubscription>());
    }

    public ValueTask DisposeAsync() => transport.DisposeAsync();

    public override string ToString() => $"command service for {target}";

    private async Task<StateStream?> SubscribeOnceAsync(SubscribeCurrentState request, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.SubscribeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionLostException e)
        {
            _log.LogWarning("CurrentState subscription at {Target}: {Reason}; subscribing again", target, e.Message);
            return null;
        }
    }

    // Null when the stream ended because its connection broke: the caller subscribes again.
    private async ValueTask<bool?> NextAsync(IAsyncEnumerator<CurrentState> states)
    {
        try
        {
            return await states.MoveNextAsync().ConfigureAwait(false);
        }
        catch (ConnectionLostException e)
        {
            _log.LogWarning("CurrentState stream from {Target}: {Reason}; subscribing again", target, e.Message);
            return null;
        }
    }

    private Task<ICommandResponse> SendAsync(CommandServiceRequest request, string? requestId, CancellationToken cancellationToken) =>
        RequestRetries.SendAsync(transport, request, requestId, options.Timeout, _log, target, cancellationToken);

    private T Expect<T>(ICommandResponse response, string request)
        where T : class, ICommandResponse =>
        response as T ?? throw new CommandServiceException(ErrorBody.BadRequest, $"{target} answered a {request} with {response.GetType().Name}, which is not a possible answer to it.");
}
