using Akka.Event;
using Csw.Command;
using Csw.Framework.Tests.Container;
using Csw.Location;
using Csw.Params;
using Csw.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests.Hosting;

/// <summary>A container inside a .NET application: <c>services.AddCswContainer</c> on the Generic Host.</summary>
public sealed class HostedContainerTests
{
    private static ContainerConfig Config(string handler = nameof(ConfiguredHcd)) => ContainerConfig.Parse($$"""
        { "name": "hosted", "components": [{ "prefix": "WFOS.hosted", "componentType": "hcd", "componentHandlerClassName": "Csw.Framework.Tests.Container.{{handler}}" }] }
        """);

    private static (IHost Host, ILocationService Locations, CapturingLoggerFactory Logs) Build(ContainerConfig config)
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var logs = new CapturingLoggerFactory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(logs);
        builder.Services.AddCswContainer(config, _ => new ComponentOptions { LocationService = locations, InitializeBackoff = RetryBackoff.None });
        return (builder.Build(), locations, logs);
    }

    [Fact]
    public async Task StartAsync_Host_ComponentsRunRegisteredAndAnswer()
    {
        var (host, locations, logs) = Build(Config());
        await host.StartAsync();
        var container = host.Services.GetRequiredService<HostedContainer>().Container!;
        Assert.IsType<Completed>(await CommandServiceFactory.Make(container.Components[0]).SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "go")));
        Assert.NotNull(await locations.FindAsync(Connection.Pekko(new ComponentId(Prefix.Parse("WFOS.hosted"), ComponentType.HCD))));
        // What actors log through Akka goes to the host's logging.
        Logging.GetLogger(host.Services.GetRequiredService<Akka.Actor.ActorSystem>(), "hosting-test").Warning("said through Akka");
        await TestWaits.AwaitAssertAsync(() => Assert.Contains(logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning && entry.Message.Contains("said through Akka")));
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task StopAsync_Host_ComponentsShutDownAndUnregister()
    {
        var (host, locations, _) = Build(Config());
        await host.StartAsync();
        var hosted = host.Services.GetRequiredService<HostedContainer>();
        await host.StopAsync();
        Assert.Null(hosted.Container);
        Assert.Empty(await locations.ListAsync());
        host.Dispose();
    }

    [Fact]
    public async Task StartAsync_UnknownHandlerClass_HostStartFailsNamingIt()
    {
        var (host, _, _) = Build(Config("NoSuchHcd"));
        var error = await Assert.ThrowsAsync<ContainerConfigException>(() => host.StartAsync());
        Assert.Contains("NoSuchHcd", error.Message);
        host.Dispose();
    }

    [Fact]
    public async Task StartAsync_InitializeAlwaysFails_HostStartFailsNamingTheComponent()
    {
        var (host, locations, _) = Build(Config(nameof(FailingHcd)));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("WFOS.hosted", error.Message);
        Assert.Null(host.Services.GetRequiredService<HostedContainer>().Container);
        host.Dispose();
    }
}
