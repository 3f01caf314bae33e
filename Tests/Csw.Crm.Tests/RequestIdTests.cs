using Csw.Params;
using Csw.TestKit;

namespace Csw.Crm.Tests;

/// <summary>The CRM's request-id table: a repeat gets the original answer and is not admitted again.</summary>
public sealed class RequestIdTests : ComponentTestKit
{
    [Fact]
    public async Task AdmitRequest_NewId_SendsAdmittedToRequester()
    {
        var crm = CommandResponseManager.Start(Sys);
        var requester = CreateTestProbe();
        crm.AdmitRequest("r-1", new Id("run-1"), "move", isSubmit: true, CreateTestProbe().Ref, "run it", requester.Ref);
        Assert.Equal("run it", await requester.ExpectMsgAsync<string>());
    }

    [Fact]
    public async Task AdmitRequestNow_NewThenRepeats_AdmittedOnceAndEveryRepeatGetsTheOriginalAnswer()
    {
        var crm = CommandResponseManager.Start(Sys);
        var caller = CreateTestProbe();
        Assert.True(crm.AdmitRequestNow("n-1", new Id("run-n1"), "move", isSubmit: true, caller.Ref));

        var early = CreateTestProbe();
        Assert.False(crm.AdmitRequestNow("n-1", new Id("run-other"), "move", isSubmit: true, early.Ref));
        await early.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        crm.RespondToSubmit(new Completed(new Id("run-n1")), caller.Ref, "n-1");
        Assert.Equal(new Completed(new Id("run-n1")), await caller.ExpectMsgAsync<Completed>());
        Assert.Equal(new Completed(new Id("run-n1")), await early.ExpectMsgAsync<Completed>());

        var late = CreateTestProbe();
        Assert.False(crm.AdmitRequestNow("n-1", new Id("run-other"), "move", isSubmit: true, late.Ref));
        Assert.Equal(new Completed(new Id("run-n1")), await late.ExpectMsgAsync<Completed>());
        // Recorded in the CRM as any Submit's response.
        Assert.Equal(new Completed(new Id("run-n1")), await crm.QueryAsync(new Id("run-n1")));
    }

    [Fact]
    public async Task AdmitRequest_RepeatAfterAnswer_GetsOriginalAnswerAndIsNotAdmitted()
    {
        var crm = CommandResponseManager.Start(Sys);
        var requester = CreateTestProbe();
        var caller = CreateTestProbe();
        crm.AdmitRequest("r-2", new Id("run-2"), "move", isSubmit: true, caller.Ref, "run it", requester.Ref);
        await requester.ExpectMsgAsync<string>();
        crm.RespondToSubmit(new Started(new Id("run-2")), caller.Ref, "r-2");
        Assert.Equal(new Started(new Id("run-2")), await caller.ExpectMsgAsync<Started>());

        var repeat = CreateTestProbe();
        crm.AdmitRequest("r-2", new Id("run-other"), "move", isSubmit: true, repeat.Ref, "run it", requester.Ref);
        Assert.Equal(new Started(new Id("run-2")), await repeat.ExpectMsgAsync<Started>());
        await requester.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task AdmitRequest_RepeatBeforeAnswer_GetsAnswerWhenItComes()
    {
        var crm = CommandResponseManager.Start(Sys);
        var requester = CreateTestProbe();
        var caller = CreateTestProbe();
        crm.AdmitRequest("r-3", new Id("run-3"), "move", isSubmit: false, caller.Ref, "run it", requester.Ref);
        await requester.ExpectMsgAsync<string>();
        var repeat = CreateTestProbe();
        crm.AdmitRequest("r-3", new Id("run-x"), "move", isSubmit: false, repeat.Ref, "run it", requester.Ref);
        await repeat.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        crm.RespondToOneway(new Accepted(new Id("run-3")), caller.Ref, "r-3");
        Assert.Equal(new Accepted(new Id("run-3")), await caller.ExpectMsgAsync<Accepted>());
        Assert.Equal(new Accepted(new Id("run-3")), await repeat.ExpectMsgAsync<Accepted>());
    }

    [Fact]
    public async Task AdmitRequest_IdReusedForAnotherCommand_AnsweredInvalidNotRun()
    {
        var crm = CommandResponseManager.Start(Sys);
        var requester = CreateTestProbe();
        crm.AdmitRequest("r-4", new Id("run-4"), "move", isSubmit: true, CreateTestProbe().Ref, "run it", requester.Ref);
        await requester.ExpectMsgAsync<string>();
        var other = CreateTestProbe();
        crm.AdmitRequest("r-4", new Id("run-y"), "park", isSubmit: true, other.Ref, "run it", requester.Ref);
        var invalid = await other.ExpectMsgAsync<Invalid>();
        Assert.Contains("r-4", invalid.Issue.Reason);
        await requester.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task AdmitRequest_BeyondMaxRequestIds_OldestAnsweredIsForgotten()
    {
        var crm = CommandResponseManager.Start(Sys, options: new CrmOptions { MaxRequestIds = 2 });
        var requester = CreateTestProbe();
        var caller = CreateTestProbe();
        for (var i = 0; i < 3; i++)
        {
            crm.AdmitRequest($"r-{i}", new Id($"run-{i}"), "move", isSubmit: true, caller.Ref, i, requester.Ref);
            await requester.ExpectMsgAsync<int>();
            crm.RespondToSubmit(new Completed(new Id($"run-{i}")), caller.Ref, $"r-{i}");
            await caller.ExpectMsgAsync<Completed>();
        }
        // r-0 was forgotten: it is admitted again (and would run again).
        crm.AdmitRequest("r-0", new Id("run-again"), "move", isSubmit: true, caller.Ref, "again", requester.Ref);
        Assert.Equal("again", await requester.ExpectMsgAsync<string>());
    }
}
