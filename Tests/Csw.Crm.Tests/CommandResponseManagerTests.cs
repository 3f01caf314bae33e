using Akka.Actor;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Crm.Tests;

public sealed class CommandResponseManagerTests : ComponentTestKit
{
    // No retention by default here: these tests are about the count bound.
    private CommandResponseManager StartCrm(int capacity = 10, int maxWaiters = 1024, TimeSpan? retention = null) =>
        CommandResponseManager.Start(Sys, options: new CrmOptions { Capacity = capacity, MaxWaitersPerCommand = maxWaiters, Retention = retention ?? TimeSpan.Zero });

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
    public async Task Query_UnknownRunId_ThrowsUnknownCommandNamingRunId()
    {
        var crm = StartCrm();
        var runId = new Id("no-such-command");
        var e = await Assert.ThrowsAsync<UnknownCommandException>(() => crm.QueryAsync(runId));
        Assert.Equal(runId, e.RunId);
        Assert.Contains("no-such-command", e.Message);
    }

    [Fact]
    public async Task QueryFinal_UnknownRunId_ThrowsUnknownCommandAtOnce()
    {
        var crm = StartCrm();
        var runId = new Id("unknown");
        var e = await Assert.ThrowsAsync<UnknownCommandException>(() => crm.QueryFinalAsync(runId, TimeSpan.FromSeconds(5)));
        Assert.Equal(runId, e.RunId);
    }

    [Fact]
    public async Task QueryFinal_UnknownRunIdForActor_AnswersInvalidIdNotAvailable()
    {
        var crm = StartCrm();
        var probe = CreateTestProbe();
        crm.QueryFinal(new Id("nobody"), probe.Ref);
        var invalid = await probe.ExpectMsgAsync<Invalid>();
        Assert.Equal(CommandIssueKind.IdNotAvailableIssue, invalid.Issue.Kind);
        Assert.Equal("nobody", invalid.RunId.Value);
    }

    [Fact]
    public async Task UpdateCommand_HandlerInvalidWithIdNotAvailable_IsRecordedAsOtherIssue()
    {
        var crm = StartCrm();
        var runId = new Id("mine");
        crm.UpdateCommand(new Invalid(runId, new CommandIssue(CommandIssueKind.IdNotAvailableIssue, "handler said so")));
        var invalid = Assert.IsType<Invalid>(await crm.QueryFinalAsync(runId));
        Assert.Equal(CommandIssueKind.OtherIssue, invalid.Issue.Kind);
    }

    [Fact]
    public async Task UpdateCommand_BeyondCapacityWithinRetention_RemembersAll()
    {
        var crm = StartCrm(capacity: 2, retention: TimeSpan.FromMinutes(1));
        var ids = Enumerable.Range(0, 50).Select(i => new Id($"kept-{i}")).ToArray();
        foreach (var id in ids)
        {
            crm.UpdateCommand(new Completed(id));
        }
        Assert.Equal(ids, await crm.RememberedAsync());
        Assert.IsType<Completed>(await crm.QueryFinalAsync(ids[0]));
    }

    [Fact]
    public async Task UpdateCommand_BeyondMaxRetained_ForgetsOldestEvenWithinRetention()
    {
        var crm = CommandResponseManager.Start(Sys, options: new CrmOptions { Capacity = 2, MaxRetained = 5, Retention = TimeSpan.FromMinutes(1) });
        var ids = Enumerable.Range(0, 8).Select(i => new Id($"bounded-{i}")).ToArray();
        foreach (var id in ids)
        {
            crm.UpdateCommand(new Completed(id));
        }
        Assert.Equal(ids[3..], await crm.RememberedAsync());
        await Assert.ThrowsAsync<UnknownCommandException>(() => crm.QueryAsync(ids[0]));
    }

    [Fact]
    public async Task QueryFinal_WaitersWhoseCallersGaveUp_MakeRoomForNewOnes()
    {
        var crm = StartCrm(maxWaiters: 2);
        var runId = new Id("patient");
        crm.UpdateCommand(new Started(runId));
        var gaveUp = CreateTestProbe();
        crm.QueryFinal(runId, gaveUp.Ref, DateTime.UtcNow.AddMinutes(-1));
        crm.QueryFinal(runId, gaveUp.Ref, DateTime.UtcNow.AddMinutes(-1));
        var waiting = crm.QueryFinalAsync(runId);
        var alsoWaiting = crm.QueryFinalAsync(runId);
        crm.UpdateCommand(new Completed(runId));
        Assert.Equal([new Completed(runId), new Completed(runId)], await Task.WhenAll(waiting, alsoWaiting));
    }

    [Fact]
    public async Task EndRunning_CommandsInProgress_EndWithErrorAndWaitersHearIt()
    {
        var crm = StartCrm();
        var running = new Id("running");
        var done = new Id("done");
        crm.UpdateCommand(new Started(running));
        crm.UpdateCommand(new Completed(done));
        var waiting = crm.QueryFinalAsync(running);
        crm.EndRunning("interrupted: the component restarted");
        var error = Assert.IsType<Error>(await waiting);
        Assert.Contains("interrupted: the component restarted", error.Message);
        Assert.IsType<Completed>(await crm.QueryAsync(done));
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
        await Assert.ThrowsAsync<UnknownCommandException>(() => crm.QueryAsync(ids[1]));
        Assert.IsType<Completed>(await crm.QueryAsync(ids[0]));
    }

    [Fact]
    public async Task UpdateCommand_DefaultCapacityWithoutRetention_RemembersTenCommands()
    {
        var crm = CommandResponseManager.Start(Sys, options: new CrmOptions { Retention = TimeSpan.Zero });
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
        await EventFilter.Warning(contains: "overtaken").ExpectAsync(0, Dilated(TimeSpan.FromMilliseconds(300)), async () =>
        {
            crm.UpdateCommand(new Completed(runId));
            crm.UpdateCommand(new Started(runId));
            Assert.IsType<Completed>(await crm.QueryAsync(runId));
        });
    }

    [Fact]
    public async Task UpdateCommand_SecondFinal_IsIgnoredAndLogged()
    {
        var crm = StartCrm();
        var runId = new Id("twice");
        crm.UpdateCommand(new Started(runId));
        crm.UpdateCommand(new Completed(runId));
        await EventFilter.Warning(contains: "twice already finished with Completed; the later Error is ignored").ExpectOneAsync(() =>
        {
            crm.UpdateCommand(new Error(runId, "too late"));
            return Task.CompletedTask;
        });
        Assert.IsType<Completed>(await crm.QueryFinalAsync(runId));
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
        var probe = CreateTestProbe();
        crm.QueryFinal(runId, probe.Ref);
        crm.QueryFinal(runId, probe.Ref);
        await crm.QueryAsync(runId);
        Sys.Stop(crm.Actor);
        var errors = await probe.ReceiveNAsync(2).ToListAsync();
        Assert.All(errors, e => Assert.Contains("never-finishes", Assert.IsType<Error>(e).Message));
    }

    [Fact]
    public async Task QueryFinal_NoFinalInTime_TimeoutNamesTheCommand()
    {
        var crm = StartCrm();
        var runId = new Id("slow-one");
        crm.UpdateCommand(new Started(runId));
        var e = await Assert.ThrowsAsync<TimeoutException>(() => crm.QueryFinalAsync(runId, TimeSpan.FromMilliseconds(50)));
        Assert.Equal("Command slow-one did not finish within 0.05 s.", e.Message);
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
    public async Task QueryFinal_BeyondMaxWaiters_RefusedAtOnceAndOthersStillAnswered()
    {
        var crm = StartCrm(maxWaiters: 2);
        var runId = new Id("crowded");
        crm.UpdateCommand(new Started(runId));
        var first = crm.QueryFinalAsync(runId);
        var second = crm.QueryFinalAsync(runId);
        var e = await Assert.ThrowsAsync<WaiterLimitException>(() => crm.QueryFinalAsync(runId));
        Assert.Contains("crowded", e.Message);
        crm.UpdateCommand(new Completed(runId));
        Assert.Equal([new Completed(runId), new Completed(runId)], await Task.WhenAll(first, second));
    }

    [Fact]
    public async Task QueryFinal_NoFinalInTime_TimeoutException()
    {
        var crm = StartCrm();
        var runId = new Id("slow");
        crm.UpdateCommand(new Started(runId));
        await Assert.ThrowsAsync<TimeoutException>(() => crm.QueryFinalAsync(runId, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task QueryFinal_RacingTheFinalFromOtherThreads_EveryWaiterAnswered()
    {
        // Finals recorded from many threads while the waiters are being added: a waiter added before
        // its final gets it, one added after finds it.
        var crm = StartCrm(capacity: 1000);
        var runIds = Enumerable.Range(0, 500).Select(i => new Id($"race-{i}")).ToList();
        foreach (var runId in runIds)
        {
            crm.UpdateCommand(new Started(runId));
        }
        var waiters = runIds.Select(runId => crm.QueryFinalAsync(runId, TimeSpan.FromSeconds(10))).ToList();
        await Task.WhenAll(runIds.Select(runId => Task.Run(() => crm.RespondToSubmit(new Completed(runId), ActorRefs.Nobody))));
        Assert.Equal(runIds.Select(runId => (ISubmitResponse)new Completed(runId)), await Task.WhenAll(waiters));
    }

    [Fact]
    public async Task Query_FromAnotherThreadRightAfterRespond_FindsTheResponse()
    {
        // A caller that heard the response may query at once, from any thread: the record reached the CRM before anything the caller sends after hearing it.
        var crm = StartCrm();
        var probe = CreateTestProbe();
        for (var i = 0; i < 100; i++)
        {
            var runId = new Id($"told-{i}");
            crm.RespondToSubmit(new Completed(runId), probe.Ref);
            probe.ExpectMsg<Completed>();
            Assert.Equal(new Completed(runId), await Task.Run(() => crm.QueryAsync(runId)));
        }
    }

    [Fact]
    public void Options_MaxWaitersBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmOptions { MaxWaitersPerCommand = 0 });

    [Fact]
    public void Options_CapacityBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmOptions { Capacity = 0 });
}
