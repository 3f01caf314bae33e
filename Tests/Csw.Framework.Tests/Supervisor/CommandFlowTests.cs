using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests.Supervisor;

public sealed class CommandFlowTests : FrameworkTestBase
{
    [Fact]
    public async Task Validate_InvalidCommand_ReturnsHandlersInvalid()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var invalid = Assert.IsType<Invalid>(await service.ValidateAsync(Command("invalid")));
        Assert.Equal("invalid on purpose", invalid.Issue.Reason);
        Assert.IsType<Accepted>(await service.ValidateAsync(Command("complete")));
    }

    [Fact]
    public async Task Validate_DoesNotRunTheCommand()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var accepted = await service.ValidateAsync(Command("long"));
        await Assert.ThrowsAsync<Crm.UnknownCommandException>(() => service.QueryAsync(accepted.RunId));
    }

    [Fact]
    public async Task Submit_InvalidCommand_ReturnsInvalidAndRecordsIt()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var response = await service.SubmitAsync(Command("invalid"));
        var invalid = Assert.IsType<Invalid>(response);
        Assert.Equal(new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "invalid on purpose"), invalid.Issue);
        Assert.Equal(response, await service.QueryFinalAsync(response.RunId));
    }

    [Fact]
    public async Task Submit_HandlerThrows_ErrorWithMessageAndComponentKeepsRunning()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var error = Assert.IsType<Error>(await service.SubmitAsync(Command("throw")));
        Assert.Equal("submit failed on purpose", error.Message);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task Submit_Started_QueryRightAfterFindsStarted()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var started = Assert.IsType<Started>(await service.SubmitAsync(Command("long")));
        Assert.Equal(started, await service.QueryAsync(started.RunId));
        Control.LongCommandGate.SetResult();
        Assert.Equal(new Completed(started.RunId), await service.QueryFinalAsync(started.RunId));
    }

    [Fact]
    public async Task Submit_ImmediateCompletion_QueryFinalAnswersAtOnce()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var completed = await service.SubmitAsync(Command("complete"));
        Assert.Equal(completed, await service.QueryFinalAsync(completed.RunId, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Oneway_Valid_AcceptedThenRuns()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        Assert.IsType<Accepted>(await service.OnewayAsync(Command("complete")));
        await AwaitAssertAsync(() => Assert.Equal(1, Control.Oneways));
    }

    [Fact]
    public async Task Oneway_Invalid_NotRun()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        Assert.IsType<Invalid>(await service.OnewayAsync(Command("invalid")));
        await service.SubmitAsync(Command("complete"));
        Assert.Equal(0, Control.Oneways);
    }

    [Fact]
    public async Task Oneway_HandlerThrows_LoggedAndComponentKeepsRunning()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        Assert.IsType<Accepted>(await service.OnewayAsync(Command("throw")));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "oneway failed on purpose");
    }

    [Fact]
    public async Task SubscribeCurrentState_HandlerPublishes_SubscriberReceives()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var states = CreateTestProbe();
        await using var subscription = service.SubscribeCurrentState(state => states.Ref.Tell(state));
        await AwaitAssertAsync(async () =>
        {
            await service.SubmitAsync(Command("publish").Add(TestHcd.Value.Set(7)));
            var state = await states.ExpectMsgAsync<CurrentState>(TimeSpan.FromMilliseconds(200));
            Assert.Equal(7, state.Get(TestHcd.Value).Head);
        });
    }

    [Fact]
    public async Task Validate_HandlerThrows_InvalidNamingTheFailure()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var validated = Assert.IsType<Invalid>(await service.ValidateAsync(Command("validate-throws")));
        Assert.Equal(CommandIssueKind.OtherIssue, validated.Issue.Kind);
        Assert.Contains("validation failed on purpose", validated.Issue.Reason);
        var submitted = Assert.IsType<Invalid>(await service.SubmitAsync(Command("validate-throws")));
        Assert.Equal(submitted, await service.QueryAsync(submitted.RunId));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task Submit_HandlerThrows_ErrorRecordedUnderTheRunId()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var error = Assert.IsType<Error>(await service.SubmitAsync(Command("throw")));
        Assert.Equal(error, await service.QueryAsync(error.RunId));
        Assert.Equal(error, await service.QueryFinalAsync(error.RunId));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "submit failed on purpose");
    }

    [Fact]
    public async Task Submit_EachCommand_GetsItsOwnRunId()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var first = await service.SubmitAsync(Command("complete"));
        var second = await service.SubmitAsync(Command("complete"));
        Assert.NotEqual(first.RunId, second.RunId);
    }

    [Fact]
    public async Task Submit_HandlerReturnsNull_CallerGetsAnErrorNamingTheHandler()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var error = Assert.IsType<Error>(await service.SubmitAsync(Command("null")));
        Assert.Contains("OnSubmitAsync returned null", error.Message);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task Submit_ValidateReturnsNull_CallerGetsInvalidAndTheComponentGoesOn()
    {
        var service = CommandServiceFactory.Make(await StartRunningHcdAsync());
        var invalid = Assert.IsType<Invalid>(await service.SubmitAsync(Command("validate-null")));
        Assert.Contains("ValidateCommandAsync returned null", invalid.Issue.Reason);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete")));
    }
}
