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
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information, bool json = false) =>
        LoggerFactory.Create(builder =>
        {
            builder
                .SetMinimumLevel(minimum)
                // A component's own logger decides (its level starts at the minimum and an operator
                // may change it while it runs, also below the minimum): let all of it through here.
                .AddFilter("Csw.Component", LogLevel.Trace)
                .AddFilter("Microsoft", LogLevel.Warning)
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
