using Csw.Actors.Internal;

namespace Csw.Actors;

/// <summary>
/// A typed reference to an actor that accepts messages of type <typeparamref name="T"/>.
/// Safe to share and to use from any thread.
/// </summary>
/// <typeparam name="T">The type of the messages the actor accepts.</typeparam>
public abstract class ActorRef<T> : ActorRef
{
    private protected ActorRef()
    {
    }

    /// <summary>
    /// Sends a message and returns at once. Messages from one sender arrive in the order sent.
    /// A message to a stopped actor becomes a dead letter (counted and logged, never thrown).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <exception cref="MailboxFullException">The actor's bounded mailbox is full and its policy is
    /// <see cref="MailboxOverflowPolicy.FailSender"/>.</exception>
    public abstract void Tell(T message);

    /// <summary>
    /// Sends a request built around a one-off reply address and waits for the reply.
    /// </summary>
    /// <example><c>var pong = await pinger.AskAsync&lt;Pong&gt;(replyTo =&gt; new Ping(replyTo));</c></example>
    /// <typeparam name="TReply">The type of the reply.</typeparam>
    /// <param name="createRequest">Builds the request from the reply address.</param>
    /// <param name="timeout">How long to wait; the system's <see cref="ActorSystemOptions.AskTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first reply. The task fails with <see cref="AskTimeoutException"/> when no reply
    /// came in time, and with <see cref="MailboxFullException"/> when a full mailbox refused the request.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive.</exception>
    public Task<TReply> AskAsync<TReply>(
        Func<ActorRef<TReply>, T> createRequest,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        var wait = timeout ?? System.Options.AskTimeout;
        if (wait <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), wait, "An ask timeout must be positive.");
        }
        var promise = new Promise<TReply>(this, wait, cancellationToken);
        T request;
        try
        {
            request = createRequest(promise);
        }
        catch (Exception e)
        {
            promise.Fail(e);
            return promise.Task;
        }
        promise.RequestType = request?.GetType() ?? typeof(T);
        try
        {
            Tell(request);
        }
        catch (Exception e)
        {
            // A full FailSender mailbox: the ask fails now instead of waiting out its timeout.
            promise.Fail(e);
        }
        return promise.Task;
    }
}
