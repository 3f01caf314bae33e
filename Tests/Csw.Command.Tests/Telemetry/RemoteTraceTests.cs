using System.Collections.Concurrent;
using System.Diagnostics;
using Csw.Command.Tests.Remote;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests.Telemetry;

/// <summary>The caller's trace context over Akka.Remote: the component's span in the other system is the caller's child.</summary>
public sealed class RemoteTraceTests() : ComponentTestKit(config: AkkaRemoteComponent.RemoteConfig), IAsyncLifetime
{
    private readonly AkkaRemoteComponent _remote = new();

    private readonly ContractHcdControl _hcd = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _remote.DisposeAsync();

    [Fact]
    public async Task Submit_OverAkkaRemoteInACallersSpan_TheComponentsSpanIsItsChild()
    {
        var ended = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CswTelemetry.ActivitySourceName or "Csw.Tests.Remote",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var service = await _remote.StartAsync(Sys, _hcd, null);
        using var test = new ActivitySource("Csw.Tests.Remote");
        ActivityContext caller;
        Completed response;
        using (var parent = test.StartActivity("operator"))
        {
            caller = parent!.Context;
            response = Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "complete")));
        }
        Activity? span = null;
        await AwaitAssertAsync(() => span = Assert.Single(ended, s => Equals(s.GetTagItem("csw.run_id"), response.RunId.Value)));
        Assert.Equal(caller.TraceId, span!.TraceId);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
    }
}
