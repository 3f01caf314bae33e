using Akka.Actor;
using Akka.TestKit;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Supervisor;

/// <summary>Handlers start actors of their own through <see cref="CswContext.ActorContext"/>; the component supervises and stops them.</summary>
public sealed class ChildActorTests : FrameworkTestBase
{
    private static readonly Prefix Poller = Prefix.Parse("WFOS.poller.hcd");

    /// <summary>A child that reports each start to the test, echoes strings, and throws on "fail".</summary>
    private sealed class Child : ReceiveActor
    {
        public Child(IActorRef observer)
        {
            observer.Tell("started");
            Receive<string>(text => text == "fail", _ => throw new InvalidOperationException("hardware read failed on purpose"));
            Receive<string>(text => Sender.Tell($"echo {text}"));
        }
    }

    /// <summary>Starts one child in each InitializeAsync; "child" answers with the child's echo of "ping"; "fail" makes the child throw.</summary>
    private sealed class PollingHcd(CswContext context, IActorRef observer, List<IActorRef> children) : ComponentHandlers(context)
    {
        private IActorRef _child = ActorRefs.Nobody;

        public override Task InitializeAsync(CancellationToken cancellationToken)
        {
            _child = Context.ActorContext.ActorOf(Props.Create(() => new Child(observer)), "poller");
            lock (children)
            {
                children.Add(_child);
            }
            return Task.CompletedTask;
        }

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            if (command.CommandName.Name == "fail")
            {
                _child.Tell("fail");
                return new Completed(runId);
            }
            var echo = await _child.Ask<string>("ping", TimeSpan.FromSeconds(5));
            return new Completed(runId, new Result().Add(Keys.String("echo").Set(echo)));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    private (IActorRef Hcd, TestProbe Observer, List<IActorRef> Children) StartPolling()
    {
        var observer = CreateTestProbe();
        var children = new List<IActorRef>();
        var hcd = Component.Spawn(Sys, new ComponentInfo(Poller, ComponentType.HCD), context => new PollingHcd(context, observer.Ref, children));
        return (hcd, observer, children);
    }

    [Fact]
    public async Task ActorContext_ChildStartedInInitialize_IsTheComponentsChildAndServesHandlers()
    {
        var (hcd, observer, children) = StartPolling();
        await observer.ExpectMsgAsync("started");
        Assert.Equal(hcd.Path / "poller", children.Single().Path);
        var response = Assert.IsType<Completed>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("child")));
        Assert.Equal("echo ping", response.Result.Get(Keys.String("echo")).Head);
    }

    [Fact]
    public async Task ChildThrows_IsRestartedAndTheComponentGoesOn()
    {
        var (hcd, observer, _) = StartPolling();
        await observer.ExpectMsgAsync("started");
        var service = CommandServiceFactory.Make(hcd);
        await service.SubmitAsync(Command("fail"));
        await observer.ExpectMsgAsync("started");
        Assert.IsType<Completed>(await service.SubmitAsync(Command("child")));
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
    }

    [Fact]
    public async Task ChildThrowsMoreThanTenTimesAMinute_IsStopped()
    {
        var (hcd, observer, children) = StartPolling();
        await observer.ExpectMsgAsync("started");
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(children[0]);
        for (var i = 0; i < 10; i++)
        {
            children[0].Tell("fail");
            await observer.ExpectMsgAsync("started");
        }
        children[0].Tell("fail");
        await watcher.ExpectTerminatedAsync(children[0]);
        Assert.Equal(SupervisorLifecycleState.Running, await StateOfAsync(hcd));
    }

    [Fact]
    public async Task Restart_OldHandlersChildrenStopped_NewOnesStarted()
    {
        var (hcd, observer, children) = StartPolling();
        await observer.ExpectMsgAsync("started");
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(children[0]);
        hcd.Tell(new SupervisorMessage.Restart());
        await watcher.ExpectTerminatedAsync(children[0]);
        await observer.ExpectMsgAsync("started");
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        Assert.IsType<Completed>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("child")));
    }

    [Fact]
    public async Task Shutdown_ChildrenStopWithTheComponent()
    {
        var (hcd, observer, children) = StartPolling();
        await observer.ExpectMsgAsync("started");
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(children[0]);
        hcd.Tell(new SupervisorMessage.Shutdown());
        await watcher.ExpectTerminatedAsync(children[0]);
        await ExpectStoppedAsync(hcd);
    }
}
