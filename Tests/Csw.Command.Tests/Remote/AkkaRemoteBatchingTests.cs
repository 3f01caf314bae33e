using System.Collections.Concurrent;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Event;
using Csw.Command.Internal.Remote;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests.Remote;

/// <summary>
/// Commands over Akka.Remote go in batches (CommandChannel): many callers' commands share a remote
/// message each way. These check what batching must not break: each caller gets the answer to its own
/// command, a command runs once, frames stay under Akka.Remote's limit, one unreadable command costs
/// only its own caller, and a caller that gave up leaves nothing behind.
/// </summary>
public sealed class AkkaRemoteBatchingTests() : ComponentTestKit(config: AkkaRemoteComponent.RemoteConfig), IAsyncLifetime
{
    private static readonly Prefix Prefix = Prefix.Parse("WFOS.echo");
    private static readonly Key<int> N = Keys.Int("n");
    private static readonly Key<string> Payload = Keys.String("payload");

    private readonly AkkaRemoteComponent _remote = new();
    private readonly EchoControl _control = new();

    /// <summary>Completes each command with its <c>n</c> in the result; <c>stall</c> waits for <see cref="EchoControl.Unstall"/>.</summary>
    private sealed class EchoHcd(CswContext context, EchoControl control) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
            ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override async ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            if (command.CommandName.Name == "stall")
            {
                await control.Unstall.Task;
                return new Completed(runId);
            }
            var n = command.Get(N).Head;
            control.Runs.AddOrUpdate(n, 1, (_, count) => count + 1);
            return new Completed(runId, new Result(N.Set(n)));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    private sealed class EchoControl
    {
        public TaskCompletionSource Unstall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<int, int> Runs { get; } = new();
    }

    private Task<ICommandService> StartAsync(CommandServiceOptions? options = null) =>
        _remote.StartAsync(Sys, Prefix, context => new EchoHcd(context, _control), options);

    private static Setup Numbered(int n) => new Setup(Prefix, "echo").Add(N.Set(n));

    private static int Echoed(ISubmitResponse response) => Assert.IsType<Completed>(response).Result.Get(N).Head;

    [Fact]
    public async Task ManyCallersAtOnce_EachGetsTheAnswerToItsOwnCommand_EachRunsOnce()
    {
        var service = await StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(n => Task.Run(async () => (n, Echoed(await service.SubmitAsync(Numbered(n)))))));

        Assert.All(answers, answer => Assert.Equal(answer.n, answer.Item2));
        Assert.Equal(2_000, _control.Runs.Count);
        Assert.All(_control.Runs.Values, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task ManyCallersAtOnce_QueriesAndValidationsAmongSubmits_EachAnsweredForItsOwnCommand()
    {
        var service = await StartAsync();
        var submitted = await Task.WhenAll(Enumerable.Range(0, 300).Select(n => service.SubmitAsync(Numbered(n))));

        var queried = await Task.WhenAll(submitted.Select(response => Task.Run(() => service.QueryFinalAsync(response.RunId))));
        var validated = await Task.WhenAll(Enumerable.Range(0, 300).Select(n => Task.Run(() => service.ValidateAsync(Numbered(n)))));

        Assert.Equal(submitted.Select(response => (response.RunId, Echoed(response))), queried.Select(response => (response.RunId, Echoed(response))));
        Assert.All(validated, response => Assert.IsType<Accepted>(response));
        Assert.Equal(300, validated.Select(response => response.RunId).Distinct().Count());
    }

    [Fact]
    public async Task CommandsTogetherLargerThanAFrame_SplitIntoFramesUnderTheLimit_AllAnswered()
    {
        var service = await StartAsync();
        // 40 commands of 20 KB: 800 KB at once, where Akka.Remote drops a message over 128,000 bytes.
        var big = new string('x', 20_000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(async () => (n, Echoed(await service.SubmitAsync(Numbered(n).Add(Payload.Set(big))))))));

        Assert.All(answers, answer => Assert.Equal(answer.n, answer.Item2));
    }

    [Fact]
    public async Task UnreadableCommandInABatch_ItsCallerToldWhyAtOnce_TheOthersRun()
    {
        await StartAsync();
        var logged = new ConcurrentQueue<string>();
        _remote.Server.EventStream.Subscribe(_remote.Server.ActorOf(Props.Create(() => new LogCollector(logged))), typeof(Warning));
        var receiver = ReplyReceiver.For((ExtendedActorSystem)Sys);
        var (good, goodAnswer) = receiver.Expect();
        var (bad, badAnswer) = receiver.Expect();
        var submit = new ComponentMessage.Submit(Numbered(7), receiver);
        var frame = Batches.Pack(receiver.Address,
        [
            new(bad, CswMessageSerializer.Id, "S", "{\"not\": a command"u8.ToArray()),
            new(good, CswMessageSerializer.Id, CswMessageSerializer.BodyManifest(submit), CswMessageSerializer.BodyBytes(submit)),
        ]).Single();

        var component = await Sys.ActorSelection(ActorUri.For(_remote.Component!, _remote.Server).ToString()).ResolveOne(TimeSpan.FromSeconds(5));
        component.Tell(new OutgoingBatch(CswMessageSerializer.CommandBatchManifest, frame));

        Assert.Equal(7, Echoed(Assert.IsType<Completed>(await goodAnswer.WaitAsync(TimeSpan.FromSeconds(10)))));
        var failure = Assert.IsType<Status.Failure>(await badAnswer.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Cannot read a CswNet message 'S'", failure.Cause.Message);
        await AwaitAssertAsync(() => Assert.Contains(logged, line => line.Contains("Dropped a command from") && line.Contains("Cannot read a CswNet message 'S'")));
    }

    [Fact]
    public async Task CallerTimesOut_ItsNumberForgotten_TheLateAnswerDropped_NextCommandAnswered()
    {
        var service = await StartAsync(new CommandServiceOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        var receiver = ReplyReceiver.For((ExtendedActorSystem)Sys);

        var e = await Assert.ThrowsAsync<TimeoutException>(() => service.SubmitAsync(new Setup(Prefix, "stall")));
        Assert.Contains("No reply from", e.Message);
        Assert.Equal(0, receiver.Waiting);

        _control.Unstall.SetResult();
        Assert.Equal(5, Echoed(await service.SubmitAsync(Numbered(5))));
        Assert.Equal(0, receiver.Waiting);
    }

    private sealed class LogCollector : ReceiveActor
    {
        public LogCollector(ConcurrentQueue<string> logged) => Receive<LogEvent>(log => logged.Enqueue($"{log.Message}"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _control.Unstall.TrySetResult();
        await _remote.DisposeAsync();
    }
}
