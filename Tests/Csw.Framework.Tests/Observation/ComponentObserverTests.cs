using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Observation;

/// <summary>Cluster-wide observation: a component on one member, an observer on another (two actor systems in one process).</summary>
public sealed class ComponentObserverTests() : ComponentTestKit(config: ClusterConfig), IAsyncLifetime
{
    private const string ClusterConfig = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        """;

    private readonly TestHcdControl _control = new();

    /// <summary>The member the component runs on; the test's own system (Sys) observes. Members of one cluster share their system's name.</summary>
    private ActorSystem _host = null!;

    public async Task InitializeAsync()
    {
        _host = CswActorSystem.Create(Sys.Name, config: ConfigurationFactory.ParseString(ClusterConfig));
        var hostCluster = Akka.Cluster.Cluster.Get(_host);
        var up = new TaskCompletionSource();
        hostCluster.RegisterOnMemberUp(() => up.TrySetResult());
        await hostCluster.JoinAsync(hostCluster.SelfAddress).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        await up.Task.WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        using var joining = new CancellationTokenSource(Dilated(TimeSpan.FromSeconds(10)));
        await Akka.Cluster.Cluster.Get(Sys).JoinAsync(hostCluster.SelfAddress, joining.Token);
    }

    public async Task DisposeAsync() => await _host.Terminate();

    private IActorRef StartHcd() =>
        Component.Spawn(_host, new ComponentInfo(TestHcd.Prefix, ComponentType.HCD), context => new TestHcd(context, _control));

    private static Setup Publish(int value) => new Setup(Prefix.Parse("WFOS.client"), "publish").Add(TestHcd.Value.Set(value));

    [Fact]
    public async Task ObserveAsync_Subsystem_SeesStatesOfAComponentOnAnotherMember()
    {
        var service = CommandServiceFactory.Make(StartHcd());
        await using var events = ComponentObserver.ObserveAsync(Sys, "WFOS").GetAsyncEnumerator();
        var next = events.MoveNextAsync().AsTask();
        // Other members learn of the subscription through gossip: publish until it arrives.
        await AwaitAssertAsync(async () =>
        {
            await service.SubmitAsync(Publish(7));
            Assert.True(next.IsCompleted);
        }, Dilated(TimeSpan.FromSeconds(15)), TimeSpan.FromMilliseconds(100));
        Assert.True(await next);
        var change = events.Current;
        while (change is not ComponentEvent.StatePublished)
        {
            Assert.True(await events.MoveNextAsync());
            change = events.Current;
        }
        var published = (ComponentEvent.StatePublished)change;
        Assert.Equal(new ComponentId(TestHcd.Prefix, ComponentType.HCD), published.Component);
        Assert.Equal(7, published.State.Get(TestHcd.Value).Head);
    }

    [Fact]
    public async Task ObserveAsync_Prefix_SeesLifecycleChangesAsTheComponentComesAndGoes()
    {
        var hcd = StartHcd();
        var service = CommandServiceFactory.Make(hcd);
        await using var events = ComponentObserver.ObserveAsync(Sys, "WFOS.test").GetAsyncEnumerator();
        var next = events.MoveNextAsync().AsTask();
        await AwaitAssertAsync(async () =>
        {
            await service.SubmitAsync(Publish(1));
            Assert.True(next.IsCompleted);
        }, Dilated(TimeSpan.FromSeconds(15)), TimeSpan.FromMilliseconds(100));
        await next;
        hcd.Tell(new SupervisorMessage.Shutdown());
        while (events.Current is not ComponentEvent.LifecycleChanged { State: SupervisorLifecycleState.Shutdown })
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Dilated(TimeSpan.FromSeconds(10))));
        }
    }

    [Fact]
    public async Task ObserveAsync_OtherSubsystem_SeesNothingOfWfos()
    {
        var service = CommandServiceFactory.Make(StartHcd());
        using var stop = new CancellationTokenSource();
        await using var tcs = ComponentObserver.ObserveAsync(Sys, "TCS", stop.Token).GetAsyncEnumerator(stop.Token);
        var next = tcs.MoveNextAsync().AsTask();
        await using var wfos = ComponentObserver.ObserveAsync(Sys, "WFOS").GetAsyncEnumerator();
        var wfosNext = wfos.MoveNextAsync().AsTask();
        await AwaitAssertAsync(async () =>
        {
            await service.SubmitAsync(Publish(2));
            Assert.True(wfosNext.IsCompleted);
        }, Dilated(TimeSpan.FromSeconds(15)), TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public void ObserveAsync_UnknownSubsystem_ArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ComponentObserver.ObserveAsync(Sys, "WFOZ"));
        Assert.Contains("'WFOZ' is not a subsystem", e.Message);
    }

    [Fact]
    public async Task ObserveAsync_NotAClusterMember_ArgumentException()
    {
        var local = CswActorSystem.Create("local");
        try
        {
            var e = Assert.Throws<ArgumentException>(() => ComponentObserver.ObserveAsync(local));
            Assert.Contains("not a cluster member", e.Message);
        }
        finally
        {
            await local.Terminate();
        }
    }
}
