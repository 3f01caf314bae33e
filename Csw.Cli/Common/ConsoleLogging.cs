using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Csw.Cli.Common;

/// <summary>Logging for the long-running subcommands: one line per event on standard error, an exception on the lines after it.</summary>
internal static class ConsoleLogging
{
    /// <summary>
    /// Akka's own level, as the filter below: its Info (every gossip of membership) would also reach
    /// standard output while the system shuts down, after the logger factory has gone, and mix with
    /// what the command prints.
    /// </summary>
    public static readonly Akka.Configuration.Config AkkaLevel = Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING");

    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddFilter("Microsoft", LogLevel.Warning)
            // Akka's cluster says much at Info (every gossip of membership); its warnings are what an operator needs.
            .AddFilter("Akka", LogLevel.Warning)
            // csw says itself, in one line, why a container did not start.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical)
            .AddConsole(options =>
            {
                options.FormatterName = CswConsoleFormatter.FormatterName;
                options.LogToStandardErrorThreshold = LogLevel.Trace;
            })
            .AddConsoleFormatter<CswConsoleFormatter, ConsoleFormatterOptions>());
}
