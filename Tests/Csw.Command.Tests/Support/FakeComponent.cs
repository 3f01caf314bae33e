using System.Collections.Concurrent;
using System.Threading.Channels;
using Csw.Command.Internal;
using Csw.Command.Internal.Http;
using Csw.Params;

namespace Csw.Command.Tests.Support;

/// <summary>
/// A component as a command endpoint sees it (an <see cref="ICommandService"/> and subscriptions),
/// with no actor behind it, so that the endpoint's tests do not depend on the actor runtime.
/// Submit: <c>stall</c> waits for <see cref="Unstall"/> (or cancellation); <c>big</c> completes with
/// a result of <see cref="BigResultChars"/> characters; anything else completes at once.
/// QueryFinal waits for <see cref="Finish"/> or its timeout. States go to every subscriber
/// (<see cref="Publish"/>); with <see cref="Flood"/> set, subscriptions yield states without end.
/// </summary>
internal sealed class FakeComponent : ICommandService
{
    public static readonly Prefix Prefix = Prefix.Parse("WFOS.fake.hcd");
    public static readonly Key<string> Text = Keys.String("text");
    public const int BigResultChars = 64 * 1024;

    private readonly ConcurrentDictionary<Channel<CurrentState>, byte> _subscribers = new();
    private readonly ConcurrentDictionary<Id, TaskCompletionSource<ISubmitResponse>> _finals = new();
    private int _openSubscriptions;

    /// <summary>Lets <c>stall</c> submits answer.</summary>
    public TaskCompletionSource Unstall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Subscriptions yield states as fast as they are read, until disposed.</summary>
    public bool Flood { get; init; }

    /// <summary>The most subscriptions served at once; one more ends at once with a <see cref="PubSub.SubscriberLimitException"/>, as the component's publisher does.</summary>
    public int MaxSubscribers { get; init; } = int.MaxValue;

    /// <summary>Subscriptions made and not yet disposed.</summary>
    public int OpenSubscriptions => Volatile.Read(ref _openSubscriptions);

    /// <summary>Commands submitted, oneway or validated, in order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>QueryFinal waits running now.</summary>
    public int WaitingQueryFinals => _finals.Count(final => !final.Value.Task.IsCompleted);

    /// <summary>The target a command endpoint serves.</summary>
    public EndpointTarget Target => new(this, SubscribeAsync, Admin);

    /// <summary>What the endpoint's lifecycle and admin requests reach.</summary>
    public FakeAdmin Admin { get; } = new();

    public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command.CommandName.Name);
        return Task.FromResult<IValidateResponse>(new Accepted(new Id()));
    }

    public async Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command.CommandName.Name);
        var runId = new Id();
        switch (command.CommandName.Name)
        {
            case "stall":
                await Unstall.Task.WaitAsync(cancellationToken);
                return new Completed(runId);
            case "long":
                _finals.TryAdd(runId, new TaskCompletionSource<ISubmitResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
                return new Started(runId);
            case "big":
                return new Completed(runId, new Result(Text.Set(new string('x', BigResultChars))));
            default:
                return new Completed(runId);
        }
    }

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAndWaitAsync(this, command, timeout, cancellationToken);

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CommandPatterns.SubmitAllAndWaitAsync(this, commands, timeout, cancellationToken);

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command.CommandName.Name);
        return Task.FromResult<IOnewayResponse>(new Accepted(new Id()));
    }

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ISubmitResponse>(_finals.TryGetValue(runId, out var final) && final.Task.IsCompletedSuccessfully ? final.Task.Result : new Started(runId));

    public async Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var final = _finals.GetOrAdd(runId, _ => new TaskCompletionSource<ISubmitResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        return await final.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(1), cancellationToken);
    }

    /// <summary>Gives command <paramref name="runId"/> its final response.</summary>
    public void Finish(Id runId) =>
        _finals.GetOrAdd(runId, _ => new TaskCompletionSource<ISubmitResponse>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(new Completed(runId));

    public IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null) =>
        throw new NotSupportedException();

    /// <summary>Sends <paramref name="state"/> to every subscription.</summary>
    public void Publish(CurrentState state)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(state);
        }
    }

    public static CurrentState State(int n) => new CurrentState(Prefix, "position").Add(Keys.Int("position").Set(n));

    private Task<StateStream> SubscribeAsync(IReadOnlyList<StateName>? names, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _openSubscriptions);
        if (Flood)
        {
            var flooding = new CancellationTokenSource();
            return Task.FromResult(new StateStream(ct => FloodAsync(flooding.Token, ct).GetAsyncEnumerator(ct), () =>
            {
                flooding.Cancel();
                Interlocked.Decrement(ref _openSubscriptions);
                return ValueTask.CompletedTask;
            }));
        }
        var states = Channel.CreateUnbounded<CurrentState>();
        if (_subscribers.Count >= MaxSubscribers)
        {
            states.Writer.TryComplete(new PubSub.SubscriberLimitException($"{MaxSubscribers} subscribers are served, the limit."));
        }
        else
        {
            _subscribers.TryAdd(states, 0);
        }
        return Task.FromResult(StateStream.Of(states.Reader, () =>
        {
            _subscribers.TryRemove(states, out _);
            states.Writer.TryComplete();
            Interlocked.Decrement(ref _openSubscriptions);
            return ValueTask.CompletedTask;
        }));
    }

    private static async IAsyncEnumerable<CurrentState> FloodAsync(CancellationToken flooding, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = new CurrentState(Prefix, "position").Add(Text.Set(new string('y', 1024)));
        while (!flooding.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            yield return state;
            await Task.Yield();
        }
    }
}
