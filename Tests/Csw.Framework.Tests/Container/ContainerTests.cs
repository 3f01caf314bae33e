using Akka.Actor;
using Csw.Tests.Shared;
using Csw.Command;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Container;

public sealed class ContainerTests() : ComponentTestKit(loggerFactory: Logs)
{
    // Static: the base constructor takes it before the instance exists; tests read only their own components' entries.
    private static readonly CapturingLoggerFactory Logs = new();

    private static readonly ContainerConfig TwoHcds = ContainerConfig.Parse("""
        { "name": "TestContainer", "components": [
            { "prefix": "WFOS.one", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.ConfiguredHcd" },
            { "prefix": "WFOS.two", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.ConfiguredHcd", "locationServiceUsage": "DoNotRegister" } ] }
        """);

    [Fact]
    public async Task StartAsync_Config_ComponentsRunAndTheContainerIsRegistered()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        await using var container = await Framework.Container.StartAsync(Sys, TwoHcds, new ComponentOptions { LocationService = locations });
        await container.WaitUntilRunningAsync(TestTime.DefaultTimeout);

        Assert.NotNull(await locations.FindAsync(container.Connection));
        var one = await locations.ResolveAsync(Connection.Pekko(new ComponentId(Prefix.Parse("WFOS.one"), ComponentType.HCD)), TestTime.DefaultTimeout);
        Assert.IsType<Completed>(await CommandServiceFactory.Make(one!, system: Sys).SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "go")));
        Assert.IsType<Completed>(await CommandServiceFactory.Make(container.Components[1]).SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "go")));
        // DoNotRegister: reachable by reference only.
        Assert.Null(await locations.FindAsync(Connection.Pekko(new ComponentId(Prefix.Parse("WFOS.two"), ComponentType.HCD))));
    }

    [Fact]
    public async Task ActorSystemShutdown_Running_ComponentsShutDownAndUnregisterFirst()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var system = CswActorSystem.Create("terminated");
        var container = await Framework.Container.StartAsync(system, TwoHcds, new ComponentOptions { LocationService = locations });
        await container.WaitUntilRunningAsync(TestTime.DefaultTimeout);

        // What a process exit or a host's stop does: the system's CoordinatedShutdown.
        await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);

        Assert.Empty(await locations.ListAsync());
        await container.DisposeAsync(); // already done: returns at once
    }

    [Fact]
    public async Task DisposeAsync_TwoCallersAtOnce_BothWaitForTheOneDisposal()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var container = await Framework.Container.StartAsync(Sys, TwoHcds, new ComponentOptions { LocationService = locations });
        await container.WaitUntilRunningAsync(TestTime.DefaultTimeout);
        var first = container.DisposeAsync().AsTask();
        var second = container.DisposeAsync().AsTask();
        await second;
        Assert.Empty(await locations.ListAsync());
        await first;
    }

    [Fact]
    public async Task DisposeAsync_Running_ComponentsAndContainerUnregisteredWhenItReturns()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var container = await Framework.Container.StartAsync(Sys, TwoHcds, new ComponentOptions { LocationService = locations });
        await container.WaitUntilRunningAsync(TestTime.DefaultTimeout);
        await container.DisposeAsync();
        // Unregistered by the time DisposeAsync returns, so a process may exit right after.
        Assert.Empty(await locations.ListAsync());
    }

    [Fact]
    public async Task StartAsync_UnknownHandlerClass_StartsNothingAndNamesTheClass()
    {
        var config = ContainerConfig.Parse("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "No.Such.Handlers" }] }""");
        var error = await Assert.ThrowsAsync<ContainerConfigException>(() => Framework.Container.StartAsync(Sys, config));
        Assert.Contains("No.Such.Handlers", error.Message);
        Assert.Equal("$.components[0].componentHandlerClassName", error.JsonPath);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/WFOS.x").ResolveOne(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task StartAsync_ClassThatIsNotHandlers_Refused()
    {
        var config = ContainerConfig.Parse("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "System.String" }] }""");
        var error = await Assert.ThrowsAsync<ContainerConfigException>(() => Framework.Container.StartAsync(Sys, config));
        Assert.Contains("not a concrete subclass of ComponentHandlers", error.Message);
    }

    [Fact]
    public async Task WaitUntilRunningAsync_InitializeKeepsFailing_NamesTheComponentAndTheCause()
    {
        var config = ContainerConfig.Parse("""{ "name": "c", "components": [{ "prefix": "WFOS.broken", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.FailingHcd" }] }""");
        var options = new ComponentOptions { LocationService = LocationServiceFactory.CreateEmbedded(), InitializeBackoff = RetryBackoff.None };
        var container = await Framework.Container.StartAsync(Sys, config, options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => container.WaitUntilRunningAsync(TestTime.DefaultTimeout));
        Assert.Equal("HCD WFOS.broken shut down instead of starting: HCD WFOS.broken failed to initialize 4 times in a row; the last time: InvalidOperationException: no hardware", error.Message);
        await container.DisposeAsync();
        // It had shut down already: disposing does not ask it again (which would warn).
        Assert.DoesNotContain(Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("WFOS.broken"));
    }

    [Fact]
    public async Task StartAsync_SameNameRunningElsewhere_AlreadyRunningWithItsAddressAndStartsNothing()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var config = ContainerConfig.Parse("""{ "name": "twice", "components": [{ "prefix": "WFOS.twice", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.ConfiguredHcd" }] }""");
        var elsewhere = new Uri("csw://otherhost/container/twice?pid=42");
        await locations.RegisterAsync(new PekkoRegistration(Connection.Pekko(new ComponentId(new Prefix(Subsystem.Container, "twice"), ComponentType.Container)), elsewhere));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Framework.Container.StartAsync(Sys, config, new ComponentOptions { LocationService = locations }));
        Assert.Equal($"Container twice is already running: Container.twice-Container-pekko is registered at {elsewhere}.", error.Message);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/WFOS.twice").ResolveOne(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task WaitUntilRunningAsync_PrefixRegisteredElsewhere_FailsNamingTheOtherAddress()
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var connection = Connection.Pekko(new ComponentId(Prefix.Parse("WFOS.one"), ComponentType.HCD));
        await locations.RegisterAsync(new PekkoRegistration(connection, new Uri("csw://elsewhere/user/WFOS.one")));
        var container = await Framework.Container.StartAsync(Sys, TwoHcds, new ComponentOptions { LocationService = locations });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => container.WaitUntilRunningAsync(TestTime.DefaultTimeout));
        Assert.StartsWith("HCD WFOS.one shut down instead of starting: HCD WFOS.one could not register its location: WFOS.one-HCD-pekko is already registered at csw://elsewhere/user/WFOS.one", error.Message);
        await container.DisposeAsync();
        Assert.Equal(new Uri("csw://elsewhere/user/WFOS.one"), (await locations.FindAsync(connection))!.Uri);
    }
}
