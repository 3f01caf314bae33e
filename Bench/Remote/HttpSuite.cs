using Bench.Harness;

namespace Bench.Remote;

/// <summary>Only the HTTP/WebSocket session part of the <c>remote</c> suite, for quick turns on that path.</summary>
public sealed class HttpSuite : IBenchSuite
{
    public string Name => "http";

    public Task RunAsync(BenchReport report) => RemoteSuite.SessionAsync(report, RemoteSuite.Samples);
}
