using System.Collections.Concurrent;
using System.Diagnostics;
using Csw.Command.Tests.Remote;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests.Telemetry;

/// <summary>A component's metrics through a <see cref="System.Diagnostics.Metrics.MeterListener"/>, and its spans through an <see cref="ActivityListener"/>.</summary>
public sealed class CommandTelemetryTests : ComponentTestKit, IAsyncLifetime
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private readonly ContractHcdControl _hcd = new();

    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _hcd.Release.TrySetResult();
        _hcd.Unstall.TrySetResult();
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Submit_Listened_CountsOutcomesDurationsAndWhatIsInFlight()
    {
        var prefix = Prefix.Parse("WFOS.metrics.outcomes");
        using var measurements = new Measurements(prefix.ToString());
        var service = await StartAsync(prefix);

        await service.SubmitAsync(new Setup(Client, "complete"));
        await service.SubmitAsync(new Setup(Client, "fail"));
        await service.OnewayAsync(new Setup(Client, "flag"));
        var started = Assert.IsType<Started>(await service.SubmitAsync(new Setup(Client, "long")));
        await AwaitAssertAsync(() => Assert.Equal(1, measurements.Sum(CswTelemetry.CommandsInFlight)));
        _hcd.Release.SetResult();
        await service.QueryFinalAsync(started.RunId);

        await AwaitAssertAsync(() =>
        {
            Assert.Equal(2, measurements.Sum(CswTelemetry.Commands, ("csw.kind", "submit"), ("csw.outcome", "Completed")));
            Assert.Equal(1, measurements.Sum(CswTelemetry.Commands, ("csw.kind", "submit"), ("csw.outcome", "Error")));
            Assert.Equal(1, measurements.Sum(CswTelemetry.Commands, ("csw.kind", "oneway"), ("csw.outcome", "Accepted")));
            Assert.Equal(3, measurements.Of(CswTelemetry.CommandDuration, ("csw.kind", "submit")).Count);
            Assert.Single(measurements.Of(CswTelemetry.CommandDuration, ("csw.kind", "oneway")));
            Assert.Equal(0, measurements.Sum(CswTelemetry.CommandsInFlight));
        });
        Assert.All(measurements.Of(CswTelemetry.CommandDuration), seconds => Assert.InRange(seconds, 0, 60));
    }

    [Fact]
    public async Task Submit_WhileTheLaneIsBusy_LaneDepthRisesAndFalls()
    {
        var prefix = Prefix.Parse("WFOS.metrics.lane");
        using var measurements = new Measurements(prefix.ToString());
        var service = await StartAsync(prefix);
        var stalled = service.SubmitAsync(new Setup(Client, "stall"));
        await AwaitAssertAsync(() => Assert.Contains("stall", _hcd.Submitted));
        var waiting = service.SubmitAsync(new Setup(Client, "complete"));
        await AwaitAssertAsync(() => Assert.Equal(1, measurements.Sum(CswTelemetry.HandlerLaneDepth)));
        _hcd.Unstall.SetResult();
        await Task.WhenAll(stalled, waiting);
        Assert.Equal(0, measurements.Sum(CswTelemetry.HandlerLaneDepth));
    }

    [Fact]
    public async Task Submit_ThreeCommands_CrmSizeIsThree()
    {
        var prefix = Prefix.Parse("WFOS.metrics.crm");
        using var measurements = new Measurements(prefix.ToString());
        var service = await StartAsync(prefix);
        for (var i = 0; i < 3; i++)
        {
            await service.SubmitAsync(new Setup(Client, "complete"));
        }
        await AwaitAssertAsync(() => Assert.Equal(3, measurements.Sum(CswTelemetry.CrmSize)));
    }

    [Fact]
    public async Task Submit_LockedOut_CountedAsLocked()
    {
        var prefix = Prefix.Parse("WFOS.metrics.locked");
        using var measurements = new Measurements(prefix.ToString());
        var component = Component.Spawn(Sys, new ComponentInfo(prefix, ComponentType.HCD), context => new ContractHcd(context, _hcd));
        var service = CommandServiceFactory.Make(component);
        await AdminServiceFactory.Make(component).LockAsync(Prefix.Parse("CSW.ops"), TimeSpan.FromMinutes(1));
        Assert.IsType<Locked>(await service.SubmitAsync(new Setup(Client, "complete")));
        Assert.Equal(1, measurements.Sum(CswTelemetry.Commands, ("csw.outcome", "Locked")));
    }

    [Fact]
    public async Task Submit_InACallersSpan_TheComponentsSpanIsItsChildWithPrefixAndRunId()
    {
        var prefix = Prefix.Parse("WFOS.traces.local");
        using var spans = new Spans();
        var service = await StartAsync(prefix);
        using var test = new ActivitySource("Csw.Tests");
        Completed response;
        ActivityContext caller;
        using (var parent = test.StartActivity("operator"))
        {
            caller = parent!.Context;
            response = Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Client, "complete")));
        }
        var span = await spans.SingleAsync(this, s => Equals(s.GetTagItem("csw.run_id"), response.RunId.Value));
        Assert.Equal(caller.TraceId, span.TraceId);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal(prefix.ToString(), span.GetTagItem("csw.prefix"));
        Assert.Equal("Completed", span.GetTagItem("csw.outcome"));
    }

    [Fact]
    public async Task Submit_AssemblyCommandingAnHcdOverHttp_OneTrace()
    {
        using var spans = new Spans();
        var hcdPrefix = Prefix.Parse("WFOS.traces.hcd");
        var hcd = Component.Spawn(Sys, new ComponentInfo(hcdPrefix, ComponentType.HCD), context => new ContractHcd(context, _hcd));
        var hcdEndpoint = await CommandEndpoint.StartAsync(hcd);
        _owned.Add(hcdEndpoint);
        var hcdService = CommandServiceFactory.Make(hcdEndpoint.RegistrationFor(new ComponentId(hcdPrefix, ComponentType.HCD)).ToLocation("127.0.0.1"));
        _owned.Add((IAsyncDisposable)hcdService);
        var assemblyPrefix = Prefix.Parse("WFOS.traces.assembly");
        var assembly = Component.Spawn(Sys, new ComponentInfo(assemblyPrefix, ComponentType.Assembly), context => new RelayAssembly(context, hcdService));
        var assemblyEndpoint = await CommandEndpoint.StartAsync(assembly);
        _owned.Add(assemblyEndpoint);
        var assemblyService = CommandServiceFactory.Make(assemblyEndpoint.RegistrationFor(new ComponentId(assemblyPrefix, ComponentType.Assembly)).ToLocation("127.0.0.1"));
        _owned.Add((IAsyncDisposable)assemblyService);

        using var test = new ActivitySource("Csw.Tests");
        ActivityTraceId trace;
        using (var parent = test.StartActivity("operator"))
        {
            trace = parent!.TraceId;
            Assert.IsType<Completed>(await assemblyService.SubmitAndWaitAsync(new Setup(Client, "relay")));
        }
        var assemblySpan = await spans.SingleAsync(this, s => Equals(s.GetTagItem("csw.prefix"), assemblyPrefix.ToString()));
        var hcdSpan = await spans.SingleAsync(this, s => Equals(s.GetTagItem("csw.prefix"), hcdPrefix.ToString()));
        Assert.Equal(trace, assemblySpan.TraceId);
        Assert.Equal(trace, hcdSpan.TraceId);
        // The HCD's span hangs under its endpoint's, which hangs under the assembly's command span.
        var hcdEndpointSpan = await spans.SingleAsync(this, s => s.SpanId == hcdSpan.ParentSpanId);
        Assert.Equal(assemblySpan.SpanId, hcdEndpointSpan.ParentSpanId);
    }

    private async Task<ICommandService> StartAsync(Prefix prefix)
    {
        var component = Component.Spawn(Sys, new ComponentInfo(prefix, ComponentType.HCD), context => new ContractHcd(context, _hcd));
        var service = CommandServiceFactory.Make(component);
        await service.ValidateAsync(new Setup(Client, "ready"));
        return service;
    }

    /// <summary>Submits <c>relay</c> on to its HCD as <c>complete</c> and answers with the HCD's final response.</summary>
    private sealed class RelayAssembly(CswContext context, ICommandService hcd) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) =>
            await hcd.SubmitAndWaitAsync(new Setup(ContractHcd.Prefix, "complete")) is Completed ? new Completed(runId) : new Error(runId, "the HCD failed");

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    /// <summary>Every CswNet span that ends while it listens.</summary>
    private sealed class Spans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _ended = new();

        private readonly ActivityListener _listener;

        public Spans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is CswTelemetry.ActivitySourceName or "Csw.Tests",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => _ended.Enqueue(activity),
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task<Activity> SingleAsync(ComponentTestKit kit, Func<Activity, bool> which)
        {
            Activity? found = null;
            await kit.AwaitAssertAsync(() => found = Assert.Single(_ended, s => s.Source.Name == CswTelemetry.ActivitySourceName && which(s)));
            return found!;
        }

        public void Dispose() => _listener.Dispose();
    }
}
