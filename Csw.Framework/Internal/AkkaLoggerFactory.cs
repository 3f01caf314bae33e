using Akka.Actor;
using Akka.Event;
using Microsoft.Extensions.Logging;
using AkkaLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Csw.Framework.Internal;

/// <summary>
/// Handlers' loggers for an actor system made without a host: what they log goes to Akka's
/// logging (the system's configured loggers, stdout by default), so nothing is lost silently.
/// </summary>
internal sealed class AkkaLoggerFactory(ActorSystem system) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new AkkaLogger(Akka.Event.Logging.GetLogger(system, categoryName));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Handlers' logs go to Akka's loggers; configure those (akka.loggers) or host the system with a logger factory.");

    public void Dispose()
    {
    }

    private sealed class AkkaLogger(ILoggingAdapter adapter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => ToAkka(logLevel) is { } level && adapter.IsEnabled(level);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (ToAkka(logLevel) is { } level && adapter.IsEnabled(level))
            {
                // Passed as an argument: the formatted text may hold braces.
                adapter.Log(level, exception, "{0}", formatter(state, exception));
            }
        }

        private static AkkaLevel? ToAkka(LogLevel level) => level switch
        {
            LogLevel.Trace or LogLevel.Debug => AkkaLevel.DebugLevel,
            LogLevel.Information => AkkaLevel.InfoLevel,
            LogLevel.Warning => AkkaLevel.WarningLevel,
            LogLevel.Error or LogLevel.Critical => AkkaLevel.ErrorLevel,
            _ => null,
        };
    }
}
