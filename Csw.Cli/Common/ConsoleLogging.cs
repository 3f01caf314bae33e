using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Csw.Cli.Common;

/// <summary>
/// Logging for the long-running subcommands, on standard error: one line per event with an
/// exception on the lines after it, or (<c>--log-format json</c>) .NET's JSON console formatter, one
/// object per line with the scopes (a component's entries carry <c>Component</c> and <c>RunId</c>).
/// </summary>
internal static class ConsoleLogging
{
    /// <summary>
    /// Akka's own level, as the filter below: its Info (every gossip of membership) would also reach
    /// standard output while the system shuts down, after the logger factory has gone, and mix with
    /// what the command prints.
    /// </summary>
    public static readonly Akka.Configuration.Config AkkaLevel = Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING");

    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information, bool json = false) =>
        LoggerFactory.Create(builder =>
        {
            builder
                .SetMinimumLevel(minimum)
                // A component's own logger decides (its level starts at the minimum and an operator
                // may change it while it runs, also below the minimum): let all of it through here.
                .AddFilter("Csw.Component", LogLevel.Trace)
                .AddFilter("Microsoft", LogLevel.Warning)
                // Akka's cluster says much at Info (every gossip of membership); its warnings are what an operator needs.
                .AddFilter("Akka", LogLevel.Warning)
                // csw says itself, in one line, why a container did not start.
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical)
                .AddConsole(options =>
                {
                    options.FormatterName = json ? ConsoleFormatterNames.Json : CswConsoleFormatter.FormatterName;
                    options.LogToStandardErrorThreshold = LogLevel.Trace;
                })
                .AddConsoleFormatter<CswConsoleFormatter, ConsoleFormatterOptions>();
            if (json)
            {
                builder.AddJsonConsole(options =>
                {
                    options.IncludeScopes = true;
                    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    options.UseUtcTimestamp = true;
                });
            }
        });
}
