using Csw.Tests.Shared;
using Akka.Actor;
using System.Net;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Supervisor;

/// <summary>A component with <see cref="ComponentOptions.HttpEndpoint"/>: served over HTTP, registered, and gone when it stops.</summary>
public sealed class HttpEndpointTests : FrameworkTestBase
{
    private static readonly ComponentId Hcd = new(TestHcd.Prefix, ComponentType.HCD);

    private static readonly ComponentOptions Served = new() { HttpEndpoint = CommandEndpointOptions.Default };

    [Fact]
    public async Task HttpEndpoint_Running_RegistersAnHttpConnectionOnLoopbackThatTakesCommands()
    {
        await StartRunningHcdAsync(Served);
        var location = await Control.Context!.LocationService.ResolveAsync(Connection.Http(Hcd), TestTime.DefaultTimeout);
        var http = Assert.IsType<HttpLocation>(location);
        Assert.Equal(IPAddress.Loopback.ToString(), http.Uri.Host);
        Assert.Equal(CommandEndpoint.SessionPath, http.Metadata.Get(CommandEndpoint.SessionMetadataKey));

        var remote = CommandServiceFactory.Make(http);
        await using var owned = (IAsyncDisposable)remote;
        Assert.IsType<Completed>(await remote.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task HttpEndpoint_Shutdown_UnregistersAndStopsServing()
    {
        var hcd = await StartRunningHcdAsync(Served);
        var locations = Control.Context!.LocationService;
        var http = (await locations.ResolveAsync(Connection.Http(Hcd), TestTime.DefaultTimeout))!;
        hcd.Tell(new SupervisorMessage.Shutdown());
        await AwaitAssertAsync(async () => Assert.Null(await locations.FindAsync(Connection.Http(Hcd))));

        var remote = CommandServiceFactory.Make(http);
        await using var owned = (IAsyncDisposable)remote;
        await AwaitAssertAsync(async () =>
        {
            var error = await Assert.ThrowsAsync<CommandServiceException>(() => remote.SubmitAsync(Command("complete")));
            Assert.Equal("Unavailable", error.ErrorName);
        });
    }

    [Fact]
    public async Task HttpEndpoint_ShutdownWithTheLocationServiceGone_PortFreedAndTheFailureLogged()
    {
        var locations = new GoneLocationService();
        var hcd = await StartRunningHcdAsync(new ComponentOptions { LocationService = locations, HttpEndpoint = CommandEndpointOptions.Default.WithLoggerFactory(Logs) });
        var http = (await locations.ResolveAsync(Connection.Http(Hcd), TestTime.DefaultTimeout))!;

        locations.Gone = true;
        hcd.Tell(new SupervisorMessage.Shutdown());

        await TestWaits.AwaitAssertAsync(() =>
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, http.Uri.Port);
            listener.Start();
            listener.Stop();
        });
        await TestWaits.AwaitAssertAsync(() => Assert.Contains(Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("could not unregister", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CommandServiceFor_HttpLocation_MadeOncePerEndpoint()
    {
        await StartRunningHcdAsync(Served);
        var context = Control.Context!;
        var http = (await context.LocationService.ResolveAsync(Connection.Http(Hcd), TestTime.DefaultTimeout))!;
        Assert.Same(context.CommandServiceFor(http), context.CommandServiceFor(http));
        Assert.IsType<Completed>(await context.CommandServiceFor(http).SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task CommandServiceForAsync_ComponentOfThisProcessWithAnEndpoint_CommandedDirectly()
    {
        var hcd = await StartRunningHcdAsync(Served);
        var service = await Control.Context!.CommandServiceForAsync(Hcd);
        Assert.IsNotAssignableFrom<IAsyncDisposable>(service);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task CommandServiceForAsync_OnlyAnHttpRegistration_CommandsOverHttp()
    {
        await StartRunningHcdAsync(Served);
        var context = Control.Context!;
        // What another process sees: the HTTP registration, and a Pekko one it cannot use.
        var http = (HttpLocation)(await context.LocationService.ResolveAsync(Connection.Http(Hcd), TestTime.DefaultTimeout))!;
        var elsewhere = LocationServiceFactory.CreateEmbedded();
        await elsewhere.RegisterAsync(new PekkoRegistration(Connection.Pekko(Hcd), new Uri("csw://elsewhere/user/hcd")));
        await elsewhere.RegisterAsync(new HttpRegistration(Connection.Http(Hcd), http.Uri.Port, "", NetworkType.Inside, http.Metadata));
        var remoteContext = await StartAssemblyContextAsync(elsewhere, new TestHcdControl());
        var service = await remoteContext.CommandServiceForAsync(Hcd);
        Assert.IsAssignableFrom<IAsyncDisposable>(service);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    private async Task<CswContext> StartAssemblyContextAsync(ILocationService locations, TestHcdControl control)
    {
        var assembly = Component.Spawn(Sys, new ComponentInfo(Prefix.Parse("WFOS.other.assembly"), ComponentType.Assembly), ctx => new TestHcd(ctx, control), new ComponentOptions { LocationService = locations });
        await WaitForStateAsync(assembly, SupervisorLifecycleState.Running);
        return control.Context!;
    }
}
