using Csw.Actors;
using Csw.Params;
using Csw.Tests.Shared;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Crm.Tests;

public sealed class CommandResponseManagerTests() : ActorTestKit(new ActorSystemOptions { LoggerFactory = Logs })
{
    private static readonly CapturingLoggerFactory Logs = new();

    private CommandResponseManager StartCrm(int capacity = 10) => CommandResponseManager.Start(System, options: new CrmOptions { Capacity = capacity });

    [Fact]
    public async Task Query_AfterStarted_ReturnsStarted()
    {
        var crm = StartCrm();
        var runId = new Id();
        crm.UpdateCommand(new Started(runId));
        Assert.Equal(new Started(runId), await crm.QueryAsync(runId));
    }

    [Fact]
    public async Task QueryFinal_WhilePending_AnswersWhenFinalArrives()
    {
        var crm = StartCrm();
        var runId = new Id();
        crm.UpdateCommand(new Started(runId));
        var waiting = crm.QueryFinalAsync(runId);
        Assert.Equal(new Started(runId), await crm.QueryAsync(runId));
        Assert.False(waiting.IsCompleted);
        crm.UpdateCommand(new Completed(runId));
        Assert.Equal(new Completed(runId), await waiting);
    }

    [Fact]
    public async Task QueryFinal_AfterImmediateCompletion_AnswersAtOnce()
    {
        var crm = StartCrm();
        var runId = new Id();
        crm.UpdateCommand(new Completed(runId));
        Assert.Equal(new Completed(runId), await crm.QueryFinalAsync(runId, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Query_UnknownRunId_ReturnsErrorNamingRunId()
    {
        var crm = StartCrm();
        var runId = new Id("no-such-command");
        var error = Assert.IsType<Error>(await crm.QueryAsync(runId));
        Assert.Equal(runId, error.RunId);
        Assert.Contains("no-such-command", error.Message);
    }

    [Fact]
    public async Task QueryFinal_UnknownRunId_ReturnsErrorAtOnce()
    {
        var crm = StartCrm();
        var runId = new Id("unknown");
        var error = Assert.IsType<Error>(await crm.QueryFinalAsync(runId, TimeSpan.FromSeconds(5)));
        Assert.Contains("unknown", error.Message);
    }

    [Fact]
    public async Task UpdateCommand_BeyondCapacity_ForgetsLeastRecentlyUsedFinished()
    {
        var crm = StartCrm(capacity: 3);
        var ids = Enumerable.Range(0, 4).Select(i => new Id($"cmd-{i}")).ToArray();
        crm.UpdateCommand(new Completed(ids[0]));
        crm.UpdateCommand(new Completed(ids[1]));
        crm.UpdateCommand(new Completed(ids[2]));
        await crm.QueryAsync(ids[0]); // cmd-0 is now the most recently used
        crm.UpdateCommand(new Completed(ids[3]));
        Assert.Equal([ids[2], ids[0], ids[3]], await crm.RememberedAsync());
        Assert.IsType<Error>(await crm.QueryAsync(ids[1]));
        Assert.IsType<Completed>(await crm.QueryAsync(ids[0]));
    }

    [Fact]
    public async Task UpdateCommand_DefaultCapacity_RemembersTenCommands()
    {
        var crm = CommandResponseManager.Start(System);
        var ids = Enumerable.Range(0, 11).Select(i => new Id($"cmd-{i}")).ToArray();
        foreach (var id in ids)
        {
            crm.UpdateCommand(new Completed(id));
        }
        Assert.Equal(ids[1..], await crm.RememberedAsync());
    }

    [Fact]
    public async Task UpdateCommand_PendingBeyondCapacity_NeverForgetsCommandsInProgress()
    {
        var crm = StartCrm(capacity: 2);
        var pending = Enumerable.Range(0, 5).Select(i => new Id($"pending-{i}")).ToArray();
        foreach (var id in pending)
        {
            crm.UpdateCommand(new Started(id));
        }
        crm.UpdateCommand(new Completed(new Id("done")));
        Assert.Equal(6, (await crm.RememberedAsync()).Count);
        foreach (var id in pending)
        {
            Assert.IsType<Started>(await crm.QueryAsync(id));
        }
        Assert.IsType<Completed>(await crm.QueryFinalAsync(new Id("done")));
    }

    [Fact]
    public async Task UpdateCommand_StartedAfterFinal_IsIgnoredWithoutWarning()
    {
        var crm = StartCrm();
        var runId = new Id("overtaken");
        crm.UpdateCommand(new Completed(runId));
        crm.UpdateCommand(new Started(runId));
        Assert.IsType<Completed>(await crm.QueryAsync(runId));
        Assert.DoesNotContain(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("overtaken"));
    }

    [Fact]
    public async Task UpdateCommand_SecondFinal_IsIgnoredAndLogged()
    {
        var crm = StartCrm();
        var runId = new Id("twice");
        crm.UpdateCommand(new Started(runId));
        crm.UpdateCommand(new Completed(runId));
        crm.UpdateCommand(new Error(runId, "too late"));
        Assert.IsType<Completed>(await crm.QueryFinalAsync(runId));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("twice") && e.Message.Contains("Error"));
    }

    [Fact]
    public async Task QueryFinal_ThousandConcurrentWaiters_AllGetTheFinalResponse()
    {
        var crm = StartCrm();
        var runId = new Id();
        crm.UpdateCommand(new Started(runId));
        var waiters = new Task<ISubmitResponse>[1000];
        Parallel.For(0, waiters.Length, i => waiters[i] = crm.QueryFinalAsync(runId));
        // Every QueryFinal was queued before this query, so all are registered and still waiting.
        Assert.IsType<Started>(await crm.QueryAsync(runId));
        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        var result = new Result().Add(Keys.Int("position").Set(3));
        crm.UpdateCommand(new Completed(runId, result));
        var responses = await Task.WhenAll(waiters);
        Assert.All(responses, r => Assert.Equal(new Completed(runId, result), r));
    }

    [Fact]
    public async Task Stop_WithPendingWaiters_EachGetsAnError()
    {
        var crm = StartCrm();
        var runId = new Id("never-finishes");
        crm.UpdateCommand(new Started(runId));
        var probe = CreateProbe<ISubmitResponse>();
        crm.QueryFinal(runId, probe.Ref);
        crm.QueryFinal(runId, probe.Ref);
        await crm.QueryAsync(runId);
        System.Stop(crm.Actor);
        var errors = await probe.ReceiveMessagesAsync(2);
        Assert.All(errors, e => Assert.Contains("never-finishes", Assert.IsType<Error>(e).Message));
    }

    [Fact]
    public async Task QueryFinalAll_AllCompleted_ReturnsOverallSuccessInOrder()
    {
        var crm = StartCrm();
        var first = new TaskCompletionSource<ISubmitResponse>();
        var second = Task.FromResult<ISubmitResponse>(new Completed(new Id("b")));
        var all = crm.QueryFinalAllAsync(first.Task, second);
        first.SetResult(new Completed(new Id("a")));
        var success = Assert.IsType<OverallSuccess>(await all);
        Assert.Equal(["a", "b"], success.Responses.Select(r => r.RunId.Value));
    }

    [Fact]
    public async Task QueryFinalAll_OneFailed_ReturnsOverallFailureInOrder()
    {
        var crm = StartCrm();
        var overall = await crm.QueryFinalAllAsync(
            Task.FromResult<ISubmitResponse>(new Completed(new Id("a"))),
            Task.FromResult<ISubmitResponse>(new Error(new Id("b"), "jammed")));
        var failure = Assert.IsType<OverallFailure>(overall);
        Assert.Equal(["a", "b"], failure.Responses.Select(r => r.RunId.Value));
    }

    [Fact]
    public void Options_CapacityBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmOptions { Capacity = 0 });
}
