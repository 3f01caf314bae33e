using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Csw.Cli.Common;

/// <summary>
/// One line per log event, as the simple console formatter's single-line mode writes it, except
/// that an exception follows on lines of its own, indented, as .NET prints it: the single-line mode
/// would run a stack trace into one unreadable line.
/// </summary>
internal sealed class CswConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "csw";

    /// <summary>Indents the exception's lines under the event's.</summary>
    private const string Indent = "      ";

    public CswConsoleFormatter()
        : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(string.Create(CultureInfo.InvariantCulture, $"[{logEntry.EventId.Id}] "));
        textWriter.WriteLine(message?.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } exception)
        {
            foreach (var line in exception.ToString().ReplaceLineEndings("\n").Split('\n'))
            {
                textWriter.Write(Indent);
                textWriter.WriteLine(line);
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
