using Csw.Command;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal.Logging;

/// <summary>
/// A component's logger (<c>Csw.Component.&lt;prefix&gt;</c>), which the supervisor and the handlers
/// share: it writes what the process's logging lets through, down to a level that an operator can
/// change while the component runs (<see cref="SupervisorMessage.SetLogLevel"/>), and puts each entry
/// in a scope naming the component and, inside a command's handler call, its runId. Safe from any thread.
/// </summary>
internal sealed class ComponentLogger : ILogger
{
    /// <summary>What the process's logging writes under the component's category.</summary>
    private readonly ILogger _inner;

    /// <summary>The component's prefix, for the scope.</summary>
    private readonly string _prefix;

    /// <summary>The least severe level written now, as an int so that every thread sees a change at once.</summary>
    private volatile int _level;

    public ComponentLogger(ILoggerFactory factory, Prefix prefix, LogLevel? level)
    {
        _prefix = prefix.ToString();
        _inner = factory.CreateLogger(CategoryFor(prefix));
        Default = level ?? LowestEnabled(_inner);
        _level = (int)Default;
    }

    /// <summary>The level the component started with.</summary>
    public LogLevel Default { get; }

    /// <summary>The least severe level written now.</summary>
    public LogLevel Level
    {
        get => (LogLevel)_level;
        set => _level = (int)value;
    }

    /// <summary>Changes the level, saying so at the more verbose of the old and the new one (so that the change is seen either way).</summary>
    public ComponentLogLevel Change(LogLevel level)
    {
        var old = Level;
        var loud = (LogLevel)Math.Min((int)old, (int)level);
        if (loud < LogLevel.None && _inner.IsEnabled(loud))
        {
            using (_inner.BeginScope(new ComponentLogScope(_prefix, null)))
            {
                _inner.Log(loud, "{Component} log level {Old} -> {New}", _prefix, old, level);
            }
        }
        Level = level;
        return Describe();
    }

    /// <summary>What the supervisor answers about the level.</summary>
    public ComponentLogLevel Describe() => new(Level, Default);

    /// <summary>The category of a component's logger.</summary>
    public static string CategoryFor(Prefix prefix) => $"Csw.Component.{prefix}";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && (int)logLevel >= _level && _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        using (_inner.BeginScope(new ComponentLogScope(_prefix, ComponentLogScope.CurrentRunId)))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    // The process's own filter for the category, as a level (None when it writes nothing).
    private static LogLevel LowestEnabled(ILogger logger)
    {
        for (var level = LogLevel.Trace; level < LogLevel.None; level++)
        {
            if (logger.IsEnabled(level))
            {
                return level;
            }
        }
        return LogLevel.None;
    }
}
