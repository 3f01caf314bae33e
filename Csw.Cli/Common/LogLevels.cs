using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>Log levels as csw writes and reads them: CSW's names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF), any case, and .NET's.</summary>
internal static class LogLevels
{
    private static readonly (LogLevel Level, string Name)[] Names =
    [
        (LogLevel.Trace, "trace"), (LogLevel.Debug, "debug"), (LogLevel.Information, "info"), (LogLevel.Warning, "warn"),
        (LogLevel.Error, "error"), (LogLevel.Critical, "fatal"), (LogLevel.None, "off"),
    ];

    /// <summary>The choices, for help texts.</summary>
    public static string Choices => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>CSW's name of a level, upper case.</summary>
    public static string Name(LogLevel level) => Names.First(n => n.Level == level).Name.ToUpperInvariant();

    /// <exception cref="FormatException">Not a level; the message lists them.</exception>
    public static LogLevel Parse(string text)
    {
        foreach (var (level, name) in Names)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(level.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }
        throw new FormatException($"'{text}' is not a log level: {Choices}.");
    }
}
