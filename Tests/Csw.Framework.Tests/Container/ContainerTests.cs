using Akka.Actor;
using Csw.Tests.Shared;
using Csw.Command;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Container;

public sealed class ContainerTests : ComponentTestKit
{
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
    public async Task WaitUntilRunningAsync_InitializeKeepsFailing_NamesTheComponent()
    {
        var config = ContainerConfig.Parse("""{ "name": "c", "components": [{ "prefix": "WFOS.broken", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.FailingHcd" }] }""");
        await using var container = await Framework.Container.StartAsync(Sys, config, new ComponentOptions { LocationService = LocationServiceFactory.CreateEmbedded() });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => container.WaitUntilRunningAsync(TestTime.DefaultTimeout));
        Assert.Contains("WFOS.broken", error.Message);
    }
}
