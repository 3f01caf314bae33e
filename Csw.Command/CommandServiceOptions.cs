using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Command;

/// <summary>Timeouts and limits of an <see cref="ICommandService"/>. Immutable; change with <c>with { ... }</c>.</summary>
public sealed record CommandServiceOptions
{
    /// <summary>The defaults.</summary>
    public static CommandServiceOptions Default { get; } = new();

    /// <summary>How long a call waits for the component's answer (validate, submit's first response, oneway, query); 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where failures of CurrentState callbacks are logged; nowhere by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long <c>SubmitAndWait</c> and <c>QueryFinal</c> wait for a final response when no timeout is given; 1 minute.</summary>
    public TimeSpan FinalTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The bearer token sent to a remote component's endpoint, when it requires one. The token goes
    /// to whatever address the location service gives for the component (see docs/Security.md).
    /// </summary>
    public string? Token { get; init; }

    /// <summary>
    /// The largest message taken from a remote component's endpoint (a response, a frame of the
    /// session, a CurrentState); a larger one breaks the connection instead of filling memory. 16 MiB.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How often an idle WebSocket to a remote component is pinged, and how long the answer may take
    /// before the connection is taken for dead (a half-open peer) and broken, so that waiting calls
    /// fail over or ask again. 15 s.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);
}
