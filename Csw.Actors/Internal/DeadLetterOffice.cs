using Microsoft.Extensions.Logging;

namespace Csw.Actors.Internal;

/// <summary>
/// Counts and logs messages that could not be delivered (to a stopped actor, dropped by a full
/// mailbox, a second reply to an ask). The first few are logged one by one, then every 1000th,
/// so a flood of dead letters cannot flood the log.
/// </summary>
internal sealed class DeadLetterOffice(ILogger log, int loggedInFull)
{
    /// <summary>Dead letters so far.</summary>
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Publish(object? message, ActorRef recipient)
    {
        var count = Interlocked.Increment(ref _count);
        if (count <= loggedInFull)
        {
            log.LogInformation("Dead letter {Count}: {MessageType} to {Recipient} was not delivered", count, message?.GetType().Name ?? "null", recipient.Path);
        }
        else if (count % 1000 == 0)
        {
            log.LogInformation("{Count} dead letters so far; the latest: {MessageType} to {Recipient}", count, message?.GetType().Name ?? "null", recipient.Path);
        }
    }
}
