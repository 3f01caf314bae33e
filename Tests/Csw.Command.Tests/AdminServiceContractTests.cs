using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Tests;

/// <summary>
/// The admin contract: what an operator does to a component through <see cref="IAdminService"/>,
/// the same in this process, over Akka.Remote and through a command endpoint's admin route.
/// </summary>
public abstract class AdminServiceContractTests(string? config = null) : CommandContractBase(config)
{
    private static readonly Prefix Operator = Prefix.Parse("CSW.ops");

    /// <summary>The admin service and a command service of a running <see cref="ContractHcd"/>.</summary>
    protected abstract Task<(IAdminService Admin, ICommandService Commands)> StartAdminAsync();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) => throw new NotSupportedException();

    [Fact]
    public async Task GoOffline_Running_RunningOfflineUntilGoOnline()
    {
        var (admin, _) = await StartAdminAsync();
        Assert.Equal(SupervisorLifecycleState.RunningOffline, await admin.GoOfflineAsync());
        Assert.Equal(SupervisorLifecycleState.RunningOffline, await admin.GetLifecycleStateAsync());
        Assert.Equal(SupervisorLifecycleState.Running, await admin.GoOnlineAsync());
        Assert.Equal(SupervisorLifecycleState.Running, await admin.GetLifecycleStateAsync());
    }

    [Fact]
    public async Task GoOnline_AlreadyRunning_AnswersRunningUnchanged()
    {
        var (admin, _) = await StartAdminAsync();
        Assert.Equal(SupervisorLifecycleState.Running, await admin.GoOnlineAsync());
    }

    [Fact]
    public async Task DiagnosticMode_Running_AnswersAfterTheHandlersRan()
    {
        var (admin, _) = await StartAdminAsync();
        Assert.Equal(SupervisorLifecycleState.Running, await admin.DiagnosticModeAsync(new UtcTime(0, 0), "engineering"));
        Assert.Equal(SupervisorLifecycleState.Running, await admin.OperationsModeAsync());
    }

    [Fact]
    public async Task Lock_ByAnOperator_OthersGetLockedUntilUnlocked()
    {
        var (admin, commands) = await StartAdminAsync();
        Assert.IsType<LockingResponse.LockAcquired>(await admin.LockAsync(Operator, TimeSpan.FromMinutes(1)));
        var refused = Assert.IsType<Locked>(await commands.SubmitAsync(Command("complete")));
        Assert.IsType<Locked>(await commands.QueryAsync(refused.RunId));
        var failed = Assert.IsType<LockingResponse.ReleasingLockFailed>(await admin.UnlockAsync(Client));
        Assert.Contains(Operator.ToString(), failed.Reason);
        Assert.IsType<LockingResponse.LockReleased>(await admin.UnlockAsync(Operator));
        Assert.IsType<Completed>(await commands.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task Lock_HeldByAnother_FailsNamingTheOwner()
    {
        var (admin, _) = await StartAdminAsync();
        await admin.LockAsync(Operator, TimeSpan.FromMinutes(1));
        var failed = Assert.IsType<LockingResponse.AcquiringLockFailed>(await admin.LockAsync(Client, TimeSpan.FromMinutes(1)));
        Assert.Contains(Operator.ToString(), failed.Reason);
    }

    [Fact]
    public async Task Restart_Running_AnswersRunningOnceTheNewInstanceRuns()
    {
        var (admin, commands) = await StartAdminAsync();
        Assert.Equal(SupervisorLifecycleState.Running, await admin.RestartAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, Hcd.Initialized);
        Assert.IsType<Completed>(await commands.SubmitAsync(Command("complete")));
    }

    [Fact]
    public async Task SetLogLevel_Debug_GetLogLevelSaysSoUntilChangedBack()
    {
        var (admin, _) = await StartAdminAsync();
        var before = await admin.GetLogLevelAsync();
        Assert.Equal(new ComponentLogLevel(LogLevel.Debug, before.Default), await admin.SetLogLevelAsync(LogLevel.Debug));
        Assert.Equal(LogLevel.Debug, (await admin.GetLogLevelAsync()).Level);
        Assert.Equal(before, await admin.SetLogLevelAsync(before.Default));
    }

    [Fact]
    public async Task Shutdown_Running_AnswersShutdownOnceTheHandlersShutDown()
    {
        var (admin, _) = await StartAdminAsync();
        Assert.Equal(SupervisorLifecycleState.Shutdown, await admin.ShutdownAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, Hcd.ShutDown);
    }
}
