using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Csw.Tests.Shared;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace Csw.TestKit.Tests;

public sealed class ComponentTestKitTests() : ComponentTestKit(loggerFactory: Logs)
{
    private static readonly Prefix Lamp = Prefix.Parse("TCS.lamp");
    private static readonly ComponentInfo LampInfo = new(Lamp, ComponentType.HCD);

    // Static: the base constructor takes it before the instance exists; each test class instance reads only its own lamp's entries.
    private static readonly CapturingLoggerFactory Logs = new();

    /// <summary>Publishes "warming" while initializing and a state named after each command it runs; its initialize can be made to hang.</summary>
    private sealed class LampHcd(CswContext context, bool hangInInitialize = false) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, "warming"));
            Context.Logger.LogInformation("lamp {Prefix} initializing", Context.ComponentInfo.Prefix);
            return hangInInitialize ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask;
        }

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, command.CommandName.Name));
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, command.CommandName.Name));
            return ValueTask.CompletedTask;
        }

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task SpawnComponentAsync_Running_ProbesSeeStatesAndLifecycle()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        await lamp.ExpectCurrentStateAsync("warming");
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "on"));
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "off"));
        Assert.Equal("on", (await lamp.CurrentStates.ExpectMsgAsync<CurrentState>()).StateName.Name);
        Assert.Equal("off", (await lamp.CurrentStates.ExpectMsgAsync<CurrentState>()).StateName.Name);
        lamp.Ref.Tell(new SupervisorMessage.GoOffline());
        await lamp.WaitForStateAsync(SupervisorLifecycleState.RunningOffline);
    }

    [Fact]
    public async Task SpawnComponentAsync_StatePublishedInInitialize_ReachesTheProbeFirst()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        Assert.Equal("warming", (await lamp.CurrentStates.ExpectMsgAsync<CurrentState>()).StateName.Name);
    }

    [Fact]
    public async Task SpawnComponentAsync_Returns_ComponentIsRunning()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        Assert.Equal(SupervisorLifecycleState.Running, await lamp.StateAsync());
        // The changes up to Running were consumed: nothing more until the component changes.
        await lamp.Lifecycle.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task CurrentStates_OnewayPublishes_ReceivedWithoutRetrying()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        await lamp.ExpectCurrentStateAsync("warming");
        await lamp.CommandService.OnewayAsync(new Setup(Lamp, "blink"));
        Assert.Equal("blink", (await lamp.CurrentStates.ExpectMsgAsync<CurrentState>()).StateName.Name);
    }

    [Fact]
    public async Task Lifecycle_Restart_SeesRestartIdleRunning()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        lamp.Ref.Tell(new SupervisorMessage.Restart());
        var changes = new List<LifecycleStateChanged>();
        for (var i = 0; i < 3; i++)
        {
            changes.Add(await lamp.Lifecycle.ExpectMsgAsync<LifecycleStateChanged>());
        }
        Assert.Equal([SupervisorLifecycleState.Restart, SupervisorLifecycleState.Idle, SupervisorLifecycleState.Running], changes.Select(c => c.State));
        Assert.All(changes, change => Assert.Equal(lamp.Ref, change.Component));
    }

    [Fact]
    public async Task SpawnComponentAsync_InitializeKeepsFailing_ThrowsNamingTheComponentAndWhy()
    {
        var info = LampInfo with { InitializeTimeout = TimeSpan.FromMilliseconds(100) };
        var e = await Assert.ThrowsAsync<XunitException>(() =>
            SpawnComponentAsync(info, context => new LampHcd(context, hangInInitialize: true), ComponentOptions.Default with { MaxInitializeRestarts = 0 }));
        Assert.Equal($"HCD {Lamp} shut down before it was Running: HCD {Lamp} failed to initialize: TimeoutException: InitializeAsync did not finish within 0.1 s (the component's initializeTimeout).", e.Message);
    }

    [Fact]
    public async Task SpawnComponentAsync_TwoComponents_EachHasItsOwnProbes()
    {
        var first = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        var second = await SpawnComponentAsync(new ComponentInfo(Prefix.Parse("TCS.lamp2"), ComponentType.HCD), context => new LampHcd(context));
        await first.ExpectCurrentStateAsync("warming");
        await second.ExpectCurrentStateAsync("warming");
        await second.CommandService.SubmitAsync(new Setup(Lamp, "second"));
        Assert.Equal("second", (await second.CurrentStates.ExpectMsgAsync<CurrentState>()).StateName.Name);
        await first.CurrentStates.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task ExpectCurrentStateAsync_NeverPublished_TimeoutNamesTheComponentsProbe()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => lamp.ExpectCurrentStateAsync("never", TimeSpan.FromMilliseconds(100)));
        Assert.Contains($"CurrentState probe of HCD {Lamp}", e.Message);
        Assert.Contains("'never'", e.Message);
    }

    [Fact]
    public async Task CurrentStates_ExpectMsgTimesOut_FailureNamesTheComponentsProbe()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        await lamp.ExpectCurrentStateAsync("warming");
        var e = await Assert.ThrowsAnyAsync<XunitException>(() => lamp.CurrentStates.ExpectMsgAsync<CurrentState>(TimeSpan.FromMilliseconds(100)).AsTask());
        Assert.StartsWith($"In the CurrentState probe of HCD {Lamp}: ", e.Message);
        Assert.Contains("Timeout", e.Message);
    }

    [Fact]
    public async Task Lifecycle_ExpectMsgTimesOut_FailureNamesTheComponentsProbe()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        var e = await Assert.ThrowsAnyAsync<XunitException>(() => lamp.Lifecycle.ExpectMsgAsync<LifecycleStateChanged>(TimeSpan.FromMilliseconds(100)).AsTask());
        Assert.StartsWith($"In the lifecycle probe of HCD {Lamp}: ", e.Message);
        Assert.Contains("Timeout", e.Message);
    }

    [Fact]
    public async Task Constructor_LoggerFactory_ReceivesTheHandlersLogs()
    {
        var info = new ComponentInfo(Prefix.Parse("TCS.logged.lamp"), ComponentType.HCD);
        await SpawnComponentAsync(info, context => new LampHcd(context));
        Assert.Contains(Logs.Entries, entry => entry.Message == "lamp TCS.logged.lamp initializing");
    }

    [Fact]
    public async Task WithinAsync_SlowBlock_FailsWithTheLimit()
    {
        await Assert.ThrowsAnyAsync<XunitException>(() => WithinAsync(TimeSpan.FromMilliseconds(50), () => Task.Delay(TimeSpan.FromMilliseconds(50) * TestTime.Factor * 4)));
        await WithinAsync(TimeSpan.FromSeconds(5), () => Task.CompletedTask);
    }

    [Fact]
    public void Dilated_Duration_ScaledByTheEnvironmentsFactor() =>
        Assert.Equal(TimeSpan.FromMilliseconds(200) * TestTime.Factor, Dilated(TimeSpan.FromMilliseconds(200)));

    [Fact]
    public async Task SpawnContainerAsync_Configuration_ComponentsRunAndShareOneStateProbe()
    {
        var config = ContainerConfig.Parse($$"""
            {"name": "lamps", "components": [
              {"prefix": "TCS.lamp", "componentType": "hcd", "componentHandlerClassName": "{{typeof(ConfiguredLamp).FullName}}"},
              {"prefix": "TCS.lamp2", "componentType": "hcd", "componentHandlerClassName": "{{typeof(ConfiguredLamp).FullName}}"}]}
            """);
        await using var container = await SpawnContainerAsync(config);
        await container.CommandService(Prefix.Parse("TCS.lamp2")).SubmitAsync(new Setup(Lamp, "on"));
        var state = await container.CurrentStates.FishForMessageAsync<CurrentState>(s => s.StateName.Name == "on");
        Assert.Equal(Prefix.Parse("TCS.lamp2"), state.Prefix);
        Assert.Throws<ArgumentException>(() => container.CommandService(Prefix.Parse("TCS.nolamp")));
    }
}

/// <summary>The lamp as a container configuration names it: a public class with a (CswContext) constructor; publishes a state named after each command.</summary>
public sealed class ConfiguredLamp(CswContext context) : ComponentHandlers(context)
{
    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        Context.CurrentStatePublisher.Publish(new CurrentState(Context.ComponentInfo.Prefix, command.CommandName.Name));
        return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
