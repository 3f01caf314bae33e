using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>What <c>csw container</c> takes for operating it: <c>--log-level</c>, <c>--log-format</c>, <c>--otlp</c>, <c>--metrics-port</c>.</summary>
internal sealed class OperationsOptions
{
    private readonly LoggingOptions _logging = new();

    private readonly TelemetryOptions _telemetry = new();

    public void AddTo(System.CommandLine.Command command)
    {
        _logging.AddTo(command);
        _telemetry.AddTo(command);
    }

    /// <summary>The options as given; a mistake in them is kept as <see cref="Reader.Problem"/>, to be reported as a usage error.</summary>
    public Reader Read(ParseResult parse)
    {
        try
        {
            var (level, json) = _logging.Read(parse);
            return new Reader(level, json, null, (name, bind) => _telemetry.Start(parse, name, bind));
        }
        catch (FormatException e)
        {
            return new Reader(LogLevel.Information, false, e.Message, (_, _) => null);
        }
    }

    /// <summary>The logging asked for, and how to start the telemetry asked for.</summary>
    /// <param name="LogLevel">The least severe level logged, and where components start.</param>
    /// <param name="Json">JSON console logs.</param>
    /// <param name="Problem">What is wrong with the options, or null.</param>
    /// <param name="Telemetry">Starts exporting for a process of a name, serving on an address; null when nothing was asked for.</param>
    internal sealed record Reader(LogLevel LogLevel, bool Json, string? Problem, Func<string, IPAddress, IDisposable?> Telemetry)
    {
        /// <summary>Starts the exporters asked for (null when none); disposing the result flushes and stops them.</summary>
        public IDisposable? StartTelemetry(string serviceName, IPAddress bind) => Telemetry(serviceName, bind);
    }
}
