using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Command;

/// <summary>Timeouts of an <see cref="ICommandService"/>. Immutable; change with <c>with { ... }</c>.</summary>
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

    /// <summary>The bearer token sent to a remote component's endpoint, when it requires one.</summary>
    public string? Token { get; init; }
}
