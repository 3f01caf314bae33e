using Csw.Params;

namespace Csw.Command;

/// <summary>
/// Talks to one component: validate, submit and oneway commands, query their progress, and follow
/// the component's CurrentState. Obtain one from <see cref="CommandServiceFactory"/>. Every call
/// is asynchronous, takes a cancellation token and has a finite default timeout
/// (<see cref="CommandServiceOptions"/>); a timeout raises <see cref="TimeoutException"/>.
/// </summary>
public interface ICommandService
{
    /// <summary>Checks a command without running it.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</returns>
    Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default);

    /// <summary>Submits a command and returns its first response: <see cref="Started"/> for long work, otherwise final.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default);

    /// <summary>Submits a command and waits for its final response.</summary>
    /// <param name="command">The command.</param>
    /// <param name="timeout">How long to wait for the final response; <see cref="CommandServiceOptions.FinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Submits commands one after another, each after the previous one finished, stopping at the first negative response.</summary>
    /// <param name="commands">The commands, in order.</param>
    /// <param name="timeout">How long to wait for each final response; <see cref="CommandServiceOptions.FinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final responses of the commands that ran, the last one negative if the sequence stopped early.</returns>
    Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a command that reports no completion: the answer only says whether it was accepted.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a oneway command and, if accepted, waits until the component's CurrentState satisfies
    /// <paramref name="matcher"/>: <see cref="Completed"/> when it does, <see cref="Error"/> when the
    /// matcher's timeout passes first; the oneway's negative answer as is.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="matcher">What the state must show.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default);

    /// <summary>The latest response of a submitted command.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="Crm.UnknownCommandException">The component does not know the runId (never submitted there, or forgotten): this says nothing of the command's outcome.</exception>
    Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default);

    /// <summary>The final response of a submitted command, waiting for it if needed.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="timeout">How long to wait; <see cref="CommandServiceOptions.FinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="Crm.UnknownCommandException">The component does not know the runId (never submitted there, or forgotten): this says nothing of the command's outcome.</exception>
    /// <exception cref="Crm.WaiterLimitException">Too many callers already wait for this command; ask again later.</exception>
    Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>The component's CurrentState as it is published, all states or only the named ones, until the enumeration stops.</summary>
    /// <param name="names">The state names wanted; all when null or empty.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onState"/> with each CurrentState published; dispose the result to stop.</summary>
    /// <param name="onState">Called once per state, one at a time, in publication order.</param>
    /// <param name="names">The state names wanted; all when null or empty.</param>
    IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null);
}
