using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>The defaults.</summary>
    public static ActorSystemOptions Default { get; } = new();

    /// <summary>Where actors and the kernel log; nothing is logged by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long <see cref="ActorRef{T}.AskAsync{TReply}"/> waits when no timeout is given; 5 s.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="ActorSystem.TerminateAsync"/> waits for actors to stop when no timeout is given; 10 s.</summary>
    public TimeSpan TerminateTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many messages an actor handles before it lets other actors use the thread; 100.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>How many dead letters are logged one by one before only every 1000th is; 100.</summary>
    public int DeadLettersLoggedInFull { get; init; } = 100;
}
