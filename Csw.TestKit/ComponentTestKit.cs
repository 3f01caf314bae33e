using Akka.Actor;
using Akka.Actor.Setup;
using Akka.TestKit;
using Akka.Hosting.Logging;
using Csw.Command;
using Csw.Framework;
using Csw.TestKit.Internal;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Csw.TestKit;

/// <summary>
/// An xunit base class for testing components in-process, on Akka.NET's TestKit: each test gets its
/// own actor system (<c>Sys</c>), probes (<c>CreateTestProbe</c>), <c>ExpectMsgAsync</c>,
/// <c>AwaitAssertAsync</c>, <c>WithinAsync</c>; and starts components with
/// <see cref="SpawnComponentAsync"/> or whole containers with <see cref="SpawnContainerAsync"/>.
/// Every wait is scaled by the environment variable <c>CSW_TEST_TIME_FACTOR</c> (default 1).
/// </summary>
public abstract class ComponentTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Creates the kit and the test's actor system.</summary>
    /// <param name="output">xunit's output, where the system's log goes; none when null.</param>
    /// <param name="loggerFactory">Where the components' handlers log; Akka's log when null.</param>
    /// <param name="config">HOCON settings for the actor system, over the kit's defaults (e.g. <c>akka.actor.provider = remote</c>; CswNet's serializer is registered).</param>
    protected ComponentTestKit(ITestOutputHelper? output = null, ILoggerFactory? loggerFactory = null, string? config = null)
        : base(Setup(loggerFactory, config), output: output)
    {
    }

    /// <summary>
    /// Starts a component with probes for its CurrentState and lifecycle, and waits until it is
    /// <see cref="SupervisorLifecycleState.Running"/>. The CurrentState probe is subscribed before the
    /// handlers initialize, so it also receives the states published in
    /// <see cref="ComponentHandlers.InitializeAsync"/>.
    /// </summary>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes its handlers.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    /// <exception cref="Xunit.Sdk.XunitException">The component shut down instead (initialize kept failing), or was not Running in time.</exception>
    protected async Task<TestComponent> SpawnComponentAsync(ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        options ??= ComponentOptions.Default;
        var currentStates = NamedProbe($"CurrentState probe of {info}", $"current-state-probe-of-{info.Prefix}");
        var lifecycle = NamedProbe($"lifecycle probe of {info}", $"lifecycle-probe-of-{info.Prefix}");
        var supervisor = Component.Spawn(Sys, info, handlers, options with { CurrentStateSubscribers = [.. options.CurrentStateSubscribers, currentStates.Ref] });
        supervisor.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        var component = new TestComponent(info, supervisor, currentStates, lifecycle);
        await component.WaitForRunningAsync().ConfigureAwait(false);
        return component;
    }

    /// <summary>
    /// Starts every component of a container configuration (its handler classes found as
    /// <c>csw container</c> finds them) with one probe receiving all of their CurrentStates, and
    /// waits until every one is Running.
    /// </summary>
    /// <param name="config">The container configuration.</param>
    /// <param name="options">How to run each component; the defaults when null.</param>
    /// <param name="timeout">How long to wait for all to be Running; 10 s (scaled) when null.</param>
    /// <exception cref="ContainerConfigException">A handler class cannot be found or used.</exception>
    protected async Task<TestContainer> SpawnContainerAsync(ContainerConfig config, ComponentOptions? options = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= ComponentOptions.Default;
        var currentStates = NamedProbe($"CurrentState probe of container {config.Name}", $"current-state-probe-of-container-{config.Name}");
        var container = await Container.StartAsync(Sys, config, options with { CurrentStateSubscribers = [.. options.CurrentStateSubscribers, currentStates.Ref] }).ConfigureAwait(false);
        await container.WaitUntilRunningAsync(Dilated(timeout ?? TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        return new TestContainer(container, currentStates);
    }

    /// <summary>A probe whose failures open with <paramref name="description"/>.</summary>
    private TestProbe NamedProbe(string description, string name) => new(Sys, new NamedProbeAssertions(description), name);

    private static ActorSystemSetup Setup(ILoggerFactory? loggerFactory, string? config)
    {
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(TestKitConfig.For(config)), CswActorSystem.SerializationSetup());
        return loggerFactory is null ? setup : setup.And(new LoggerFactorySetup(loggerFactory));
    }
}
