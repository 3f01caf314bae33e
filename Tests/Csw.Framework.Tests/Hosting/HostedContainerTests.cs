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
        { "name": "hosted", "components": [{ "prefix": "WFOS.hosted", "componentType": "hcd", "componentHandlerClassName": "{{(handler == nameof(GreetingHcd) ? typeof(GreetingHcd).Namespace : "Csw.Framework.Tests.Container")}}.{{handler}}" }] }
        """);

    private static (IHost Host, ILocationService Locations, CapturingLoggerFactory Logs) Build(ContainerConfig config, Action<IServiceCollection>? services = null)
    {
        var locations = LocationServiceFactory.CreateEmbedded();
        var logs = new CapturingLoggerFactory();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(logs);
        services?.Invoke(builder.Services);
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

    [Fact]
    public async Task StartAsync_HandlersTakeAService_ConstructedFromTheHostsServices()
    {
        var (host, _, _) = Build(Config(nameof(GreetingHcd)), services => services.AddSingleton<IGreeting>(new Greeting("hello from the host")));
        await host.StartAsync();
        var container = host.Services.GetRequiredService<HostedContainer>().Container!;
        var completed = Assert.IsType<Completed>(await CommandServiceFactory.Make(container.Components[0]).SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "greet")));
        Assert.Equal("hello from the host", completed.Result.Get(GreetingHcd.Text).Head);
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task StartAsync_ServiceNotRegistered_HostStartFailsNamingTheService()
    {
        var (host, _, _) = Build(Config(nameof(GreetingHcd)));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains(nameof(IGreeting), error.Message);
        host.Dispose();
    }

    [Fact]
    public async Task Container_HandlersTakeAServiceWithoutAHost_FailsToStartSayingWhy()
    {
        var system = CswActorSystem.Create("no-host");
        try
        {
            var container = await Framework.Container.StartAsync(system, Config(nameof(GreetingHcd)), new ComponentOptions { LocationService = LocationServiceFactory.CreateEmbedded(), InitializeBackoff = RetryBackoff.None });
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => container.WaitUntilRunningAsync(TestTime.DefaultTimeout));
            Assert.Contains("AddCswContainer", error.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }
}

/// <summary>A service of the host that handlers may ask for.</summary>
public interface IGreeting
{
    string Text { get; }
}

/// <summary>The greeting the tests register.</summary>
public sealed record Greeting(string Text) : IGreeting;

/// <summary>Handlers that take a service of the host beside their context; "greet" answers with it.</summary>
public sealed class GreetingHcd(CswContext context, IGreeting greeting) : ComponentHandlers(context)
{
    public static readonly Key<string> Text = Keys.String("text");

    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<ISubmitResponse>(new Completed(runId, new Result().Add(Text.Set(greeting.Text))));

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
