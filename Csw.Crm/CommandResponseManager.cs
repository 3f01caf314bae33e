using Akka.Actor;
using Csw.Crm.Internal;
using Csw.Params;

namespace Csw.Crm;

/// <summary>
/// A component's memory of its recent commands (the CRM). The component records each command's
/// responses (<see cref="UpdateCommand"/>); callers ask for the latest (<see cref="QueryAsync"/>)
/// or wait for the final one (<see cref="QueryFinalAsync"/>). Backed by an actor; every method is
/// safe from any thread.
/// </summary>
/// <remarks>
/// It remembers <see cref="CrmOptions.Capacity"/> commands (10 by default), forgetting the least
/// recently used finished one first; commands in progress are never forgotten. A runId it does not
/// know is answered at once with an <see cref="Error"/> naming the runId. The first final response
/// wins; a later one is logged and ignored. Every QueryFinal waiter is answered: with the final
/// response, or with an <see cref="Error"/> if the CRM stops first.
/// </remarks>
public sealed class CommandResponseManager
{
    /// <summary>How long the diagnostic and query asks wait for the actor.</summary>
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The actor holding the state.</summary>
    private readonly IActorRef _actor;

    /// <summary>The settings.</summary>
    private readonly CrmOptions _options;

    private CommandResponseManager(IActorRef actor, CrmOptions options)
    {
        _actor = actor;
        _options = options;
    }

    /// <summary>The actor behind the CRM, e.g. to watch it.</summary>
    public IActorRef Actor => _actor;

    /// <summary>Starts a CRM as a child of a component's actor; it stops with its parent.</summary>
    /// <param name="parent">The parent's context.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(IActorContext parent, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        options ??= CrmOptions.Default;
        return new(parent.ActorOf(PropsFor(options), "command-response-manager"), options);
    }

    /// <summary>Starts a CRM as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(ActorSystem system, string? name = null, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= CrmOptions.Default;
        return new(system.ActorOf(PropsFor(options), name), options);
    }

    /// <summary>
    /// Records a command's response: <see cref="Started"/> begins tracking it; a final response
    /// (also one returned at once by a handler) is remembered and handed to every QueryFinal waiter.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    public void UpdateCommand(ISubmitResponse response) => _actor.Tell(new UpdateCommand(response ?? throw new ArgumentNullException(nameof(response))));

    /// <summary>The command's latest response; an <see cref="Error"/> naming the runId if it is unknown.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The CRM did not answer within 10 s (it is stopped or overloaded).</exception>
    public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return AskAsync<ISubmitResponse>(replyTo => new Query(runId, replyTo), AskTimeout, cancellationToken);
    }

    /// <summary>
    /// The command's final response: at once if it has finished, otherwise when it does; an
    /// <see cref="Error"/> naming the runId if it is unknown.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="timeout">How long to wait; <see cref="CrmOptions.QueryFinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The command did not finish in time.</exception>
    /// <exception cref="WaiterLimitException">Too many callers already wait for this command.</exception>
    public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return AskAsync<ISubmitResponse>(replyTo => new QueryFinal(runId, replyTo), timeout ?? _options.QueryFinalTimeout, cancellationToken);
    }

    /// <summary>Sends the command's latest response to <paramref name="replyTo"/> (the actor form of <see cref="QueryAsync"/>).</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void Query(Id runId, IActorRef replyTo) =>
        _actor.Tell(new Query(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

    /// <summary>
    /// Sends the command's final response to <paramref name="replyTo"/> when there is one (the actor
    /// form of <see cref="QueryFinalAsync"/>); a <see cref="Status.Failure"/> holding a
    /// <see cref="WaiterLimitException"/> when too many callers already wait.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void QueryFinal(Id runId, IActorRef replyTo) =>
        _actor.Tell(new QueryFinal(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

    /// <summary>
    /// Waits for the final responses of several sub-commands (typically from other components'
    /// command services): <see cref="OverallSuccess"/> if all completed, otherwise
    /// <see cref="OverallFailure"/>; the responses keep the order given.
    /// </summary>
    /// <param name="responses">The sub-commands' final responses, as tasks.</param>
    public async Task<OverallResponse> QueryFinalAllAsync(params IEnumerable<Task<ISubmitResponse>> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var all = await Task.WhenAll(responses).ConfigureAwait(false);
        return all.All(r => r is Completed) ? new OverallSuccess(all) : new OverallFailure(all);
    }

    /// <summary>The runIds remembered, least recently used first (for diagnostics and tests).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<IReadOnlyList<Id>> RememberedAsync(CancellationToken cancellationToken = default) =>
        AskAsync<IReadOnlyList<Id>>(replyTo => new GetRemembered(replyTo), AskTimeout, cancellationToken);

    private static Props PropsFor(CrmOptions options) => Props.Create(() => new CrmActor(options));

    // Akka's AskTimeoutException is not a TimeoutException; callers of a CswNet API catch the latter.
    private async Task<T> AskAsync<T>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _actor.Ask<T>(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"The CommandResponseManager ({_actor.Path}) did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
    }
}
