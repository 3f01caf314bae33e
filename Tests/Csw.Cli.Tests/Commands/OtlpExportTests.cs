using System.Text.RegularExpressions;
using Csw.Cli.Common;
using Csw.Cli.Tests.Support;
using Csw.Tests.Shared;
using OpenTelemetry.Exporter;

namespace Csw.Cli.Tests.Commands;

/// <summary>
/// <c>csw container --otlp</c>: the container's command spans and metrics reach an OTLP collector
/// (<see cref="OtlpReceiver"/> stands in for one, over OTLP/HTTP).
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly CswProcesses _processes = new();

    private readonly OtlpReceiver _collector = OtlpReceiver.Start();

    private string _location = "";

    public async Task InitializeAsync()
    {
        var server = Keep(CswProcess.Start(["location-server", "--port", "0"]));
        _location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
        var hcds = Keep(CswProcess.Start(
            ["container", WfosDeployment.Config("wfos-hcds.json"), "--location", _location, "--otlp", _collector.Address.ToString()],
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Exported every 200 ms rather than every 5 s (spans) and 60 s (metrics), so that the test need not wait.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            }));
        await hcds.WaitForLineAsync("Container WfosHcds running");
    }

    public async Task DisposeAsync()
    {
        await _processes.DisposeAsync();
        _collector.Dispose();
    }

    private CswProcess Keep(CswProcess process) => _processes.Keep(process);

    [Fact]
    public async Task Otlp_HttpProtobuf_TheCommandsSpanAndTheCommandMetricsReachTheCollector()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "target:int=3", "--location", _location);
        Assert.True(exitCode == 0, output);
        var runId = Regex.Match(output, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
        Assert.NotEmpty(runId);

        await TestWaits.AwaitAssertAsync(
            () => Assert.True(_collector.Received("/v1/traces", runId), $"no span with runId {runId} posted to /v1/traces; posts: {_collector.Describe()}"),
            TimeSpan.FromSeconds(30));
        Assert.True(_collector.Received("/v1/traces", "WFOS.blue.filter"), "the span is tagged with the component's prefix");
        await TestWaits.AwaitAssertAsync(
            () => Assert.True(_collector.Received("/v1/metrics", "csw.commands"), $"no csw.commands metric posted to /v1/metrics; posts: {_collector.Describe()}"),
            TimeSpan.FromSeconds(30));
        // The resource names the process: the container.
        Assert.True(_collector.Received("/v1/metrics", "WfosHcds"));
    }

    [Theory]
    [InlineData("http://collector:4318", OtlpExportProtocol.HttpProtobuf, "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", OtlpExportProtocol.HttpProtobuf, "http://collector:4318/v1/traces")]
    [InlineData("https://gateway/otel", OtlpExportProtocol.HttpProtobuf, "https://gateway/otel/v1/traces")]
    [InlineData("http://collector:4317", OtlpExportProtocol.Grpc, "http://collector:4317/")]
    public void SignalEndpoint_HttpAddsTheSignalsPath_GrpcKeepsTheAddress(string collector, OtlpExportProtocol protocol, string expected) =>
        Assert.Equal(new Uri(expected), TelemetryOptions.SignalEndpoint(new Uri(collector), protocol, "traces"));
}
