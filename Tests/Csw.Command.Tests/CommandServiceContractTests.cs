using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests;

/// <summary>What every <see cref="ICommandService"/> must do with commands: validate, submit, query, oneway, cancellation and timeouts.</summary>
public abstract class CommandServiceContractTests(string? config = null) : CommandContractBase(config)
{
    // ValidateAsync

    [Fact]
    public async Task ValidateAsync_ValidAndInvalid_AcceptedAndInvalid()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Accepted>(await service.ValidateAsync(Command("complete")));
        var invalid = Assert.IsType<Invalid>(await service.ValidateAsync(Command("invalid")));
        Assert.Equal(CommandIssueKind.UnsupportedCommandIssue, invalid.Issue.Kind);
        Assert.Equal("not supported", invalid.Issue.Reason);
    }

    [Fact]
    public async Task ValidateAsync_Valid_DoesNotRunTheCommand()
    {
        var service = await StartComponentAsync();
        await service.ValidateAsync(Command("complete"));
        await service.SubmitAsync(Command("fail"));
        Assert.Equal(["fail"], Hcd.Submitted);
    }

    // SubmitAsync, QueryAsync, QueryFinalAsync

    [Fact]
    public async Task SubmitAsync_Immediate_FinalAndQueryFinalAnswersAtOnce()
    {
        var service = await StartComponentAsync();
        var completed = Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
        Assert.Equal(completed, await service.QueryAsync(completed.RunId));
        Assert.Equal(completed, await service.QueryFinalAsync(completed.RunId));
    }

    [Fact]
    public async Task SubmitAsync_Invalid_InvalidAsRecorded()
    {
        var service = await StartComponentAsync();
        var invalid = Assert.IsType<Invalid>(await service.SubmitAsync(Command("invalid")));
        Assert.Equal(invalid, await service.QueryFinalAsync(invalid.RunId));
        Assert.Empty(Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAsync_HandlerThrows_ErrorWithTheMessage()
    {
        var service = await StartComponentAsync();
        var error = Assert.IsType<Error>(await service.SubmitAsync(Command("throw")));
        Assert.Equal("thrown on purpose", error.Message);
        Assert.Equal(error, await service.QueryAsync(error.RunId));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task SubmitAsync_LongCommand_StartedAndQueryRightAfterFindsStarted()
    {
        var service = await StartComponentAsync();
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        Assert.Equal(started, await service.QueryAsync(started.RunId));
    }

    [Fact]
    public async Task QueryFinalAsync_LongCommand_WaitsForTheFinalResponse()
    {
        var service = await StartComponentAsync();
        var started = await service.SubmitAsync(Command("long"));
        var final = service.QueryFinalAsync(started.RunId);
        // A round trip after the QueryFinal: the command is still running, so no final answer yet.
        Assert.IsType<Started>(await service.QueryAsync(started.RunId));
        Assert.False(final.IsCompleted);
        Hcd.Release.SetResult();
        Assert.Equal(new Completed(started.RunId), await final);
        Assert.Equal(new Completed(started.RunId), await service.QueryAsync(started.RunId));
    }

    [Fact]
    public async Task QueryAsync_UnknownRunId_UnknownCommandNamingIt()
    {
        var service = await StartComponentAsync();
        var e = await Assert.ThrowsAsync<Crm.UnknownCommandException>(() => service.QueryAsync(new Id("nobody-knows")));
        Assert.Equal(new Id("nobody-knows"), e.RunId);
        Assert.Contains("nobody-knows", e.Message);
    }

    [Fact]
    public async Task QueryFinalAsync_UnknownRunId_UnknownCommandAtOnce()
    {
        var service = await StartComponentAsync();
        var e = await Assert.ThrowsAsync<Crm.UnknownCommandException>(() => service.QueryFinalAsync(new Id("nobody-knows")));
        Assert.Equal(new Id("nobody-knows"), e.RunId);
    }

    [Fact]
    public async Task SubmitAsync_ManyCommands_EachRunsOnce()
    {
        var service = await StartComponentAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => service.SubmitAsync(Command("complete"))));
        Assert.Equal(20, responses.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(20, Hcd.Submitted.Count);
    }

    // SubmitAndWaitAsync, SubmitAllAndWaitAsync

    [Fact]
    public async Task SubmitAndWaitAsync_Immediate_FinalResponse()
    {
        var service = await StartComponentAsync();
        Assert.IsType<Completed>(await service.SubmitAndWaitAsync(Command("complete")));
        Assert.Equal("failed on purpose", Assert.IsType<Error>(await service.SubmitAndWaitAsync(Command("fail"))).Message);
        Assert.IsType<Invalid>(await service.SubmitAndWaitAsync(Command("invalid")));
    }

    [Fact]
    public async Task SubmitAndWaitAsync_Long_WaitsForCompletion()
    {
        var service = await StartComponentAsync();
        var waiting = service.SubmitAndWaitAsync(Command("long"));
        await AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        Assert.False(waiting.IsCompleted);
        Hcd.Release.SetResult();
        Assert.IsType<Completed>(await waiting);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_NeverFinishes_TimesOut()
    {
        var service = await StartComponentAsync();
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAndWaitAsync(Command("never"), TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_AllSucceed_AllResponsesInOrder()
    {
        var service = await StartComponentAsync();
        Hcd.Release.SetResult();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("long"), Command("complete")]);
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.IsType<Completed>(r));
        Assert.Equal(3, responses.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_LongFirst_NextSubmittedOnlyAfterItFinishes()
    {
        var service = await StartComponentAsync();
        var all = service.SubmitAllAndWaitAsync([Command("long"), Command("complete")]);
        await AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        Assert.Equal(["long"], Hcd.Submitted);
        Hcd.Release.SetResult();
        Assert.Equal(2, (await all).Count);
        Assert.Equal(["long", "complete"], Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_NegativeInTheMiddle_StopsThere()
    {
        var service = await StartComponentAsync();
        var responses = await service.SubmitAllAndWaitAsync([Command("complete"), Command("fail"), Command("complete")]);
        Assert.Equal(2, responses.Count);
        Assert.IsType<Error>(responses[1]);
        Assert.Equal(["complete", "fail"], Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_InvalidFirst_StopsAtOnce()
    {
        var service = await StartComponentAsync();
        var responses = await service.SubmitAllAndWaitAsync([Command("invalid"), Command("complete")]);
        Assert.IsType<Invalid>(Assert.Single(responses));
        Assert.Empty(Hcd.Submitted);
    }

    [Fact]
    public async Task SubmitAllAndWaitAsync_NoCommands_NoResponses()
    {
        var service = await StartComponentAsync();
        Assert.Empty(await service.SubmitAllAndWaitAsync([]));
    }

    // Cancellation and timeouts

    [Fact]
    public async Task QueryFinalAsync_Cancelled_Throws()
    {
        var service = await StartComponentAsync();
        var started = await service.SubmitAsync(Command("never"));
        using var cancel = new CancellationTokenSource();
        var waiting = service.QueryFinalAsync(started.RunId, cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_Cancelled_Throws()
    {
        var service = await StartComponentAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = service.SubmitAndWaitAsync(Command("long"), cancellationToken: cancel.Token);
        await AwaitAssertAsync(() => Assert.Contains("long", Hcd.Submitted));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task SubmitAsync_NoFirstResponse_CancelledThrows()
    {
        var service = await StartComponentAsync();
        using var cancel = new CancellationTokenSource();
        var submit = service.SubmitAsync(Command("stall"), cancel.Token);
        await AwaitAssertAsync(() => Assert.Contains("stall", Hcd.Submitted));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submit);
    }

    [Fact]
    public async Task SubmitAsync_NoFirstResponse_DefaultTimeoutIsFinite()
    {
        var service = await StartComponentAsync(new CommandServiceOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAsync(Command("stall")));
    }

    [Fact]
    public async Task QueryFinalAsync_DefaultFinalTimeout_IsFinite()
    {
        var service = await StartComponentAsync(new CommandServiceOptions { FinalTimeout = TimeSpan.FromMilliseconds(100) });
        var started = await service.SubmitAsync(Command("never"));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.QueryFinalAsync(started.RunId));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => service.SubmitAndWaitAsync(Command("never")));
    }
}
