using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Csw.Cli.Common;

/// <summary>Logging for the long-running subcommands: one line per event on standard error, an exception on the lines after it.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddFilter("Microsoft", LogLevel.Warning)
            // csw says itself, in one line, why a container did not start.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical)
            .AddConsole(options =>
            {
                options.FormatterName = CswConsoleFormatter.FormatterName;
                options.LogToStandardErrorThreshold = LogLevel.Trace;
            })
            .AddConsoleFormatter<CswConsoleFormatter, ConsoleFormatterOptions>());
}
