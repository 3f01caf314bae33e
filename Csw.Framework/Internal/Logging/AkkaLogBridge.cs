using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;
using Akka.Hosting.Logging;
using Microsoft.Extensions.Logging;
using AkkaLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Csw.Framework.Internal.Logging;

/// <summary>
/// Akka's logger that writes its events to the <see cref="ILoggerFactory"/> of the system's
/// <see cref="LoggerFactorySetup"/>, under the category <c>Akka.Actor.ActorSystem</c>: the event's
/// text after its source in brackets, its exception as the entry's exception. Unlike Akka.Hosting's
/// logger it leaves out Akka's own header (level, time and thread, which the entry has already),
/// does not print the exception twice, and writes an exception given as an argument of the text as
/// its type and message, without its stack; and a connection to another member that ended
/// (Akka.Remote's <c>EndpointDisassociatedException</c>, which Akka.Remote logs as an error with its stack
/// whenever a member stops or dies) is an Information line: what it means for the cluster comes in
/// the cluster's own warnings (unreachable, downed, removed).
/// </summary>
internal sealed class AkkaLogBridge : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>The category of every entry, as with Akka.Hosting's logger (filters and docs name it).</summary>
    public const string Category = "Akka.Actor.ActorSystem";

    private readonly ILogger _log;

    public AkkaLogBridge()
    {
        var setup = Context.System.Settings.Setup.Get<LoggerFactorySetup>();
        if (!setup.HasValue)
        {
            throw new ConfigurationException($"{nameof(AkkaLogBridge)} needs a {nameof(LoggerFactorySetup)} in the actor system's setup.");
        }
        _log = setup.Value.LoggerFactory.CreateLogger(Category);
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent logEvent:
                Write(logEvent);
                return true;
            default:
                return false;
        }
    }

    private void Write(LogEvent logEvent)
    {
        var (level, cause) = IsDisassociation(logEvent.Cause)
            ? (LogLevel.Information, null)
            : (LevelOf(logEvent.LogLevel()), logEvent.Cause);
        if (!_log.IsEnabled(level))
        {
            return;
        }
        _log.Log(level, default, $"[{logEvent.LogSource}] {Text(logEvent.Message)}", cause, static (text, _) => text);
    }

    /// <summary>
    /// The event's text. An exception among its arguments (Akka.Remote puts the reason a connection
    /// failed there) is written as its type and message, not with its stack on the same line.
    /// </summary>
    private static string? Text(object? message)
    {
        if (message is not LogMessage { Format: { } format } logMessage || !logMessage.Parameters().Any(p => p is Exception))
        {
            return message?.ToString();
        }
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, [.. logMessage.Parameters().Select(p => p is Exception e ? $"{e.GetType().FullName}: {e.Message}" : p)]);
        }
        catch (FormatException)
        {
            // Not a positional format (a named template): as Akka writes it.
            return message.ToString();
        }
    }

    /// <summary>Akka.Remote's exception for a connection that ended (internal to Akka.Remote, so known by name).</summary>
    private static bool IsDisassociation(Exception? cause) => cause?.GetType().FullName == "Akka.Remote.EndpointDisassociatedException";

    private static LogLevel LevelOf(AkkaLevel level) => level switch
    {
        AkkaLevel.DebugLevel => LogLevel.Debug,
        AkkaLevel.InfoLevel => LogLevel.Information,
        AkkaLevel.WarningLevel => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
