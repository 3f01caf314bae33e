using Bench.Harness;

namespace Bench.Remote;

/// <summary>Only the Akka.Remote part of the <c>remote</c> suite (Submit to a component in another process, against a bare Ask), for quick turns on that path.</summary>
public sealed class AkkaRemoteSuite : IBenchSuite
{
    public string Name => "akka-remote";

    public Task RunAsync(BenchReport report) => AkkaRemoteSubmit.ReportAsync(report, RemoteSuite.Samples);
}
