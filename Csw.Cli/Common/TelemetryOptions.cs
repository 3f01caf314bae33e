using System.CommandLine;
using System.Net;
using Csw.Command;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Csw.Cli.Common;

/// <summary>
/// <c>--otlp &lt;endpoint&gt;</c> and <c>--metrics-port</c>: csw's side of CswNet's telemetry. The
/// libraries publish on the meter and activity source named <see cref="CswTelemetry.MeterName"/>;
/// these options plug in OpenTelemetry's SDK, exporting metrics and spans over OTLP and serving
/// metrics for a Prometheus scrape.
/// </summary>
internal sealed class TelemetryOptions
{
    private readonly Option<Uri?> _otlp = new("--otlp")
    {
        CustomParser = result => CliOptions.ParseHttpUri(result, "http://127.0.0.1:4317"),
        Description = "Export metrics and traces over OTLP to this collector, e.g. http://127.0.0.1:4317 (gRPC); with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf, the collector's base address, e.g. http://127.0.0.1:4318, to which /v1/traces and /v1/metrics are added.",
    };

    private readonly Option<int?> _metricsPort = new("--metrics-port")
    {
        Description = "Serve the metrics for a Prometheus scrape at http://<bind>:<port>/metrics.",
    };

    public void AddTo(System.CommandLine.Command command)
    {
        command.Options.Add(_otlp);
        command.Options.Add(_metricsPort);
    }

    /// <summary>
    /// Starts exporting as asked, for a process named <paramref name="serviceName"/>; disposing the
    /// result flushes and stops. Null when nothing was asked for.
    /// </summary>
    /// <exception cref="FormatException">A port out of range.</exception>
    public IDisposable? Start(ParseResult parse, string serviceName, IPAddress bind)
    {
        var otlp = parse.GetValue(_otlp);
        var port = parse.GetValue(_metricsPort);
        if (otlp is null && port is null)
        {
            return null;
        }
        if (port is < 1 or > 65535)
        {
            throw new FormatException($"--metrics-port is 1 to 65535, not {port}.");
        }
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var meters = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(CswTelemetry.MeterName);
        if (port is { } metricsPort)
        {
            // HttpListener takes a host name, not an address: "+" serves every address.
            var host = IPAddress.IsLoopback(bind) ? "127.0.0.1" : bind.Equals(IPAddress.Any) ? "+" : bind.ToString();
            meters.AddPrometheusHttpListener(options =>
            {
                options.Host = host;
                options.Port = metricsPort;
            });
        }
        TracerProvider? traces = null;
        if (otlp is not null)
        {
            meters.AddOtlpExporter(options => options.Endpoint = SignalEndpoint(otlp, options.Protocol, "metrics"));
            traces = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(CswTelemetry.ActivitySourceName)
                .AddOtlpExporter(options => options.Endpoint = SignalEndpoint(otlp, options.Protocol, "traces")).Build();
        }
        return new Providers(meters.Build(), traces);
    }

    /// <summary>
    /// The address a signal is sent to. Over gRPC, the collector's. Over HTTP, the collector's base
    /// address with the signal's path (<c>/v1/traces</c>), as OTEL_EXPORTER_OTLP_ENDPOINT is read: the
    /// SDK itself would post an endpoint set in code as it is, to a path no collector serves.
    /// </summary>
    internal static Uri SignalEndpoint(Uri collector, OtlpExportProtocol protocol, string signal) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri($"{collector.GetLeftPart(UriPartial.Path).TrimEnd('/')}/v1/{signal}") : collector;

    /// <summary>Both providers, flushed and stopped together.</summary>
    private sealed class Providers(MeterProvider meters, TracerProvider? traces) : IDisposable
    {
        public void Dispose()
        {
            traces?.Dispose();
            meters.Dispose();
        }
    }
}
