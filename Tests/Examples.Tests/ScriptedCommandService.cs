using System.Collections.Concurrent;
using Csw.Command;
using Csw.Params;

namespace Examples.Tests;

/// <summary>
/// A command service whose final responses the test hands out (<see cref="Finish"/>), counting the
/// calls the store makes; everything else is unsupported.
/// </summary>
internal sealed class ScriptedCommandService : ICommandService
{
    /// <summary>One pending final response per runId.</summary>
    private readonly ConcurrentDictionary<Id, TaskCompletionSource<ISubmitResponse>> _finals = new();

    private int _queryFinalCalls;
    private int _queryCalls;

    public int QueryFinalCalls => Volatile.Read(ref _queryFinalCalls);

    public int QueryCalls => Volatile.Read(ref _queryCalls);

    /// <summary>Delivers the final response to whoever waits in QueryFinal for its runId.</summary>
    public void Finish(ISubmitResponse final) => Final(final.RunId).SetResult(final);

    /// <summary>Makes QueryFinal for <paramref name="runId"/> fail, as a dropped connection would.</summary>
    public void Fail(Id runId, Exception exception) => Final(runId).SetException(exception);

    public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queryFinalCalls);
        return Final(runId).Task;
    }

    public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queryCalls);
        throw new NotSupportedException("The store must not poll.");
    }

    public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null) => throw new NotSupportedException();

    // Continuations run asynchronously so that Finish never runs the store's code on the test's thread.
    private TaskCompletionSource<ISubmitResponse> Final(Id runId) =>
        _finals.GetOrAdd(runId, _ => new TaskCompletionSource<ISubmitResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
}
