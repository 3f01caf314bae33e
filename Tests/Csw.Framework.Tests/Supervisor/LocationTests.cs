using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Supervisor;

public sealed class LocationTests : FrameworkTestBase
{
    private static readonly Prefix Other = Prefix.Parse("WFOS.other.hcd");

    [Fact]
    public async Task Running_Component_IsRegisteredAndReachableThroughItsContext()
    {
        var hcd = await StartRunningHcdAsync();
        var context = Control.Context!;
        var service = await context.CommandServiceForAsync(new ComponentId(TestHcd.Prefix, ComponentType.HCD));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
        var location = await context.LocationService.FindAsync(Connection.Pekko(new ComponentId(TestHcd.Prefix, ComponentType.HCD)));
        Assert.StartsWith($"akka://{Sys.Name}/user/{TestHcd.Prefix}#", location!.Uri.OriginalString);
        Assert.True(ActorUri.TryResolve(location.Uri, Sys, out var registered));
        Assert.Equal(hcd, registered);
    }

    [Fact]
    public async Task Connections_OtherComponentStartsAndStops_HandlersToldUpdatedThenRemoved()
    {
        var info = new ComponentInfo(TestHcd.Prefix, ComponentType.Assembly) { Connections = [new ComponentId(Other, ComponentType.HCD)] };
        var assembly = StartHcd(info);
        await WaitForStateAsync(assembly, SupervisorLifecycleState.Running);
        var other = Component.Spawn(Sys, new ComponentInfo(Other, ComponentType.HCD), context => new TestHcd(context, new TestHcdControl()));
        await AwaitAssertAsync(() => Assert.Contains($"LocationUpdated:{Other}", Control.Events));
        other.Tell(new SupervisorMessage.Shutdown());
        await AwaitAssertAsync(() => Assert.Contains($"LocationRemoved:{Other}", Control.Events));
    }

    [Fact]
    public async Task CommandServiceForAsync_NotRegistered_FailsClearly()
    {
        await StartRunningHcdAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Control.Context!.CommandServiceForAsync(new ComponentId(Other, ComponentType.HCD), TimeSpan.FromMilliseconds(50)));
        Assert.Contains(Other.ToString(), error.Message);
    }
}
