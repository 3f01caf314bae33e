using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleHcd;

namespace Examples.Tests.SampleHcd;

public sealed class FilterWheelHcdTests : ComponentTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    private ICommandService StartWheel() => CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, Step));

    private static Setup Move(int target) => new Setup(Client, "move").Add(FilterWheelHcd.Target.Set(target));

    [Fact]
    public async Task Move_ValidTarget_StartedThenCompletedAtTarget()
    {
        var wheel = StartWheel();
        var started = Assert.IsType<Started>(await wheel.SubmitAsync(Move(3)));
        var completed = Assert.IsType<Completed>(await wheel.QueryFinalAsync(started.RunId));
        Assert.Equal(3, completed.Result.Get(FilterWheelHcd.Position).Head);
    }

    [Fact]
    public async Task Move_ToWhereItIs_CompletedAtOnce()
    {
        var completed = Assert.IsType<Completed>(await StartWheel().SubmitAsync(Move(0)));
        Assert.Equal(0, completed.Result.Get(FilterWheelHcd.Position).Head);
    }

    [Fact]
    public async Task Move_WhileTurning_PublishesEachPositionInOrder()
    {
        var wheel = StartWheel();
        await using var states = wheel.SubscribeCurrentState([FilterWheelHcd.PositionState]).GetAsyncEnumerator();
        // MoveNextAsync sends the subscription request at once; the status command, sent after it, is
        // handled after it, so the subscription is in place before the move starts.
        var next = states.MoveNextAsync();
        await wheel.SubmitAsync(new Setup(Client, "status"));
        var moving = wheel.SubmitAndWaitAsync(Move(4));
        var positions = new List<int>();
        Assert.True(await next);
        positions.Add(states.Current.Get(FilterWheelHcd.Position).Head);
        while (positions[^1] != 4)
        {
            Assert.True(await states.MoveNextAsync());
            positions.Add(states.Current.Get(FilterWheelHcd.Position).Head);
        }
        Assert.Equal([1, 2, 3, 4], positions);
        Assert.False(states.Current.Get(FilterWheelHcd.Moving).Head);
        Assert.IsType<Completed>(await moving);
    }

    [Theory]
    [InlineData(8, CommandIssueKind.ParameterValueOutOfRangeIssue)]
    [InlineData(-1, CommandIssueKind.ParameterValueOutOfRangeIssue)]
    public async Task Move_TargetOutOfRange_Invalid(int target, CommandIssueKind kind)
    {
        var invalid = Assert.IsType<Invalid>(await StartWheel().SubmitAsync(Move(target)));
        Assert.Equal(kind, invalid.Issue.Kind);
    }

    [Fact]
    public async Task Move_WithoutTarget_MissingKey()
    {
        var invalid = Assert.IsType<Invalid>(await StartWheel().SubmitAsync(new Setup(Client, "move")));
        Assert.Equal(CommandIssueKind.MissingKeyIssue, invalid.Issue.Kind);
    }

    [Fact]
    public async Task Move_WhenOffline_WrongInternalState()
    {
        var supervisor = SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, Step);
        var wheel = CommandServiceFactory.Make(supervisor);
        await wheel.ValidateAsync(new Setup(Client, "status"));
        supervisor.Tell(new SupervisorMessage.GoOffline());
        await AwaitAssertAsync(async () =>
        {
            var invalid = Assert.IsType<Invalid>(await wheel.ValidateAsync(Move(2)));
            Assert.Equal(CommandIssueKind.WrongInternalStateIssue, invalid.Issue.Kind);
        });
    }

    [Fact]
    public async Task Move_WhileMoving_HcdBusy()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromSeconds(30)));
        Assert.IsType<Started>(await wheel.SubmitAsync(Move(5)));
        var invalid = Assert.IsType<Invalid>(await wheel.SubmitAsync(Move(2)));
        Assert.Equal(CommandIssueKind.HCDBusyIssue, invalid.Issue.Kind);
    }

    [Fact]
    public async Task Stop_WhileMoving_MoveCancelledAndWheelHaltsWhereItIs()
    {
        // Steps long enough that the stop lands before the wheel reaches 7, even on a busy machine.
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(50)));
        await using var states = wheel.SubscribeCurrentState([FilterWheelHcd.PositionState]).GetAsyncEnumerator();
        var next = states.MoveNextAsync();
        await wheel.SubmitAsync(new Setup(Client, "status")); // the subscription is in place (see above)
        var started = Assert.IsType<Started>(await wheel.SubmitAsync(Move(7)));
        Assert.True(await next); // the wheel has turned one slot

        var stop = Assert.IsType<Completed>(await wheel.SubmitAsync(new Setup(Client, "stop")));
        var stoppedAt = stop.Result.Get(FilterWheelHcd.Position).Head;
        Assert.InRange(stoppedAt, 1, 6);
        Assert.IsType<Cancelled>(await wheel.QueryFinalAsync(started.RunId));
        var status = Assert.IsType<Completed>(await wheel.SubmitAsync(new Setup(Client, "status")));
        Assert.Equal(stoppedAt, status.Result.Get(FilterWheelHcd.Position).Head);
        Assert.IsType<Started>(await wheel.SubmitAsync(Move(0))); // no longer busy
    }

    [Fact]
    public async Task Stop_WhenIdle_CompletedAtOnceWithPosition()
    {
        var stop = Assert.IsType<Completed>(await StartWheel().SubmitAsync(new Setup(Client, "stop")));
        Assert.Equal(0, stop.Result.Get(FilterWheelHcd.Position).Head);
    }

    [Fact]
    public async Task StatusAndStop_WhenOffline_StillAnswered()
    {
        var supervisor = SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, Step);
        var wheel = CommandServiceFactory.Make(supervisor);
        await wheel.ValidateAsync(new Setup(Client, "status"));
        supervisor.Tell(new SupervisorMessage.GoOffline());
        await AwaitAssertAsync(async () => Assert.IsType<Invalid>(await wheel.ValidateAsync(Move(2))));
        Assert.IsType<Completed>(await wheel.SubmitAsync(new Setup(Client, "stop")));
        Assert.IsType<Completed>(await wheel.SubmitAsync(new Setup(Client, "status")));
    }

    [Fact]
    public async Task Constructor_WithoutStepTime_MovesWithTheDefaultStep()
    {
        var supervisor = Component.Spawn(Sys, new ComponentInfo(SampleSystem.BluePrefix, ComponentType.HCD), context => new FilterWheelHcd(context));
        var completed = Assert.IsType<Completed>(await CommandServiceFactory.Make(supervisor).SubmitAndWaitAsync(Move(1)));
        Assert.Equal(1, completed.Result.Get(FilterWheelHcd.Position).Head);
    }

    [Fact]
    public async Task Unknown_Command_Unsupported()
    {
        var invalid = Assert.IsType<Invalid>(await StartWheel().SubmitAsync(new Setup(Client, "dance")));
        Assert.Equal(CommandIssueKind.UnsupportedCommandIssue, invalid.Issue.Kind);
    }
}
