using Csw.Command;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleHcd;

namespace Examples.Tests;

public sealed class CommandResultStoreTests : ActorTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private ICommandService StartWheel(TimeSpan step) => CommandServiceFactory.Make(SampleSystem.StartWheel(System, SampleSystem.BluePrefix, step));

    [Fact]
    public async Task GetCommandResult_WhileProcessing_NullThenFinalWithoutPolling()
    {
        var wheel = StartWheel(TimeSpan.FromMilliseconds(20));
        var store = new CommandResultStore();
        var started = await wheel.SubmitAsync(new Setup(Client, "move").Add(FilterWheelHcd.Target.Set(3)));
        store.Track("blue", wheel, started);
        Assert.Null(store.GetCommandResult("blue", started.RunId));
        Assert.True(store.Knows("blue", started.RunId));
        await TestWaits.AwaitAssertAsync(() => Assert.IsType<Completed>(store.GetCommandResult("blue", started.RunId)));
    }

    [Fact]
    public async Task Track_FinalFirstResponse_StoredAtOnce()
    {
        var wheel = StartWheel(TimeSpan.FromMilliseconds(5));
        var store = new CommandResultStore();
        var invalid = await wheel.SubmitAsync(new Setup(Client, "move"));
        store.Track("blue", wheel, invalid);
        Assert.Equal(invalid, store.GetCommandResult("blue", invalid.RunId));
    }

    [Fact]
    public async Task Track_NoFinalInTime_StoresAnError()
    {
        var wheel = StartWheel(TimeSpan.FromSeconds(10));
        var store = new CommandResultStore();
        var started = await wheel.SubmitAsync(new Setup(Client, "move").Add(FilterWheelHcd.Target.Set(1)));
        store.Track("blue", wheel, started, TimeSpan.FromMilliseconds(50));
        await TestWaits.AwaitAssertAsync(() => Assert.Contains("No final response", Assert.IsType<Error>(store.GetCommandResult("blue", started.RunId)).Message));
    }

    [Fact]
    public async Task Track_SameCommandTwice_FirstResultKept()
    {
        var wheel = StartWheel(TimeSpan.FromMilliseconds(5));
        var store = new CommandResultStore();
        var runId = new Id("same");
        store.Track("blue", wheel, new Completed(runId));
        store.Track("blue", wheel, new Error(runId, "later"));
        Assert.IsType<Completed>(store.GetCommandResult("blue", runId));
        await Task.CompletedTask;
    }

    [Fact]
    public void Track_BeyondCapacity_ForgetsOldestFinished()
    {
        var store = new CommandResultStore(capacity: 2);
        var service = new NeverAnswers();
        store.Track("w", service, new Started(new Id("pending")));
        foreach (var id in new[] { "a", "b", "c" })
        {
            store.Track("w", service, new Completed(new Id(id)));
        }
        Assert.False(store.Knows("w", new Id("a")));
        Assert.True(store.Knows("w", new Id("b")));
        Assert.True(store.Knows("w", new Id("c")));
        Assert.True(store.Knows("w", new Id("pending")));
    }

    /// <summary>A service whose final responses never come.</summary>
    private sealed class NeverAnswers : ICommandService
    {
        public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => new TaskCompletionSource<ISubmitResponse>().Task;

        public Task<IValidateResponse> ValidateAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ISubmitResponse> SubmitAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ISubmitResponse> SubmitAndWaitAsync(ControlCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ISubmitResponse>> SubmitAllAndWaitAsync(IEnumerable<ControlCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IOnewayResponse> OnewayAsync(ControlCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IMatchingResponse> OnewayAndMatchAsync(ControlCommand command, StateMatcher matcher, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<CurrentState> SubscribeCurrentState(IEnumerable<StateName>? names = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncDisposable SubscribeCurrentState(Action<CurrentState> onState, IEnumerable<StateName>? names = null) => throw new NotSupportedException();
    }
}
