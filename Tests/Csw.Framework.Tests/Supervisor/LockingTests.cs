using Csw.Tests.Shared;
using Akka.TestKit;
using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests.Supervisor;

public sealed class LockingTests : FrameworkTestBase
{
    private static readonly Prefix Owner = Prefix.Parse("WFOS.owner");
    private static readonly Prefix Other = Prefix.Parse("WFOS.other");
    private static readonly Prefix Admin = Prefix.Parse("CSW.admin");
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(1);

    private static Task<LockingResponse> LockAsync(IActorRef hcd, Prefix source, TimeSpan lease, TestProbe? probe = null) =>
        probe is null
            ? hcd.Ask<LockingResponse>(r => new SupervisorMessage.Lock(source, lease, r), TestTime.DefaultTimeout, default)
            : Tell(hcd, new SupervisorMessage.Lock(source, lease, probe.Ref), probe);

    private static Task<LockingResponse> UnlockAsync(IActorRef hcd, Prefix source) =>
        hcd.Ask<LockingResponse>(r => new SupervisorMessage.Unlock(source, r), TestTime.DefaultTimeout, default);

    private static async Task<LockingResponse> Tell(IActorRef hcd, ComponentMessage message, TestProbe probe)
    {
        hcd.Tell(message);
        return await probe.ExpectMsgAsync<LockingResponse>();
    }

    [Fact]
    public async Task Lock_Unlocked_Acquired()
    {
        var hcd = await StartRunningHcdAsync();
        Assert.IsType<LockingResponse.LockAcquired>(await LockAsync(hcd, Owner, LongLease));
    }

    [Fact]
    public async Task Lock_HeldByAnother_FailsNamingTheOwner()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        var failed = Assert.IsType<LockingResponse.AcquiringLockFailed>(await LockAsync(hcd, Other, LongLease));
        Assert.Contains(Owner.ToString(), failed.Reason);
    }

    [Fact]
    public async Task Submit_FromAnotherPrefixWhileLocked_LockedWithTheCommandsRunId()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        var service = CommandServiceFactory.Make(hcd);
        var locked = Assert.IsType<Locked>(await service.SubmitAsync(Command("complete", Other)));
        Assert.Equal(locked, await service.QueryAsync(locked.RunId));
        Assert.IsType<Locked>(await service.ValidateAsync(Command("complete", Other)));
        Assert.IsType<Locked>(await service.OnewayAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Submit_FromOwnerOrAdminWhileLocked_Runs()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        var service = CommandServiceFactory.Make(hcd);
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete", Owner)));
        Assert.IsType<Completed>(await service.SubmitAsync(Command("complete", Admin)));
    }

    [Fact]
    public async Task Unlock_ByOwner_ReleasedAndOthersMayCommand()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        Assert.IsType<LockingResponse.LockReleased>(await UnlockAsync(hcd, Owner));
        Assert.IsType<Completed>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Unlock_ByAdmin_Released()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        Assert.IsType<LockingResponse.LockReleased>(await UnlockAsync(hcd, Admin));
    }

    [Fact]
    public async Task Unlock_ByThirdPrefix_Fails()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        Assert.IsType<LockingResponse.ReleasingLockFailed>(await UnlockAsync(hcd, Other));
        Assert.IsType<Locked>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Unlock_NotLocked_AlreadyReleased()
    {
        var hcd = await StartRunningHcdAsync();
        Assert.IsType<LockingResponse.LockAlreadyReleased>(await UnlockAsync(hcd, Owner));
    }

    [Fact]
    public async Task Lock_ShortLease_ExpiringShortlyThenExpired()
    {
        var hcd = await StartRunningHcdAsync();
        var owner = CreateTestProbe();
        Assert.IsType<LockingResponse.LockAcquired>(await LockAsync(hcd, Owner, TimeSpan.FromMilliseconds(300), owner));
        await owner.ExpectMsgAsync<LockingResponse.LockExpiringShortly>();
        await owner.ExpectMsgAsync<LockingResponse.LockExpired>();
        Assert.IsType<Completed>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Lock_AgainByOwner_ExtendsTheLease()
    {
        var hcd = await StartRunningHcdAsync();
        var owner = CreateTestProbe();
        await LockAsync(hcd, Owner, TimeSpan.FromMilliseconds(300), owner);
        Assert.IsType<LockingResponse.LockAcquired>(await LockAsync(hcd, Owner, LongLease, owner));
        // The first lease's notices were cancelled with it: nothing expires now.
        await owner.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
        Assert.IsType<Locked>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Lock_NonPositiveLease_Fails()
    {
        var hcd = await StartRunningHcdAsync();
        Assert.IsType<LockingResponse.AcquiringLockFailed>(await LockAsync(hcd, Owner, TimeSpan.Zero));
        Assert.IsType<Completed>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Other)));
    }

    [Fact]
    public async Task Lock_AfterExpiry_AnotherPrefixMayLock()
    {
        var hcd = await StartRunningHcdAsync();
        var owner = CreateTestProbe();
        await LockAsync(hcd, Owner, TimeSpan.FromMilliseconds(100), owner);
        await owner.FishForMessageAsync<LockingResponse>(response => response is LockingResponse.LockExpired);
        Assert.IsType<LockingResponse.LockAcquired>(await LockAsync(hcd, Other, LongLease));
        Assert.IsType<Locked>(await CommandServiceFactory.Make(hcd).SubmitAsync(Command("complete", Owner)));
    }

    [Fact]
    public async Task Unlock_BeforeTheLeaseEnds_NoLeaseNotices()
    {
        var hcd = await StartRunningHcdAsync();
        var owner = CreateTestProbe();
        await LockAsync(hcd, Owner, TimeSpan.FromMilliseconds(200), owner);
        Assert.IsType<LockingResponse.LockReleased>(await UnlockAsync(hcd, Owner));
        await owner.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Submit_FromAnotherPrefixWhileLocked_HandlersNeverSeeIt()
    {
        var hcd = await StartRunningHcdAsync();
        await LockAsync(hcd, Owner, LongLease);
        var service = CommandServiceFactory.Make(hcd);
        Assert.IsType<Locked>(await service.OnewayAsync(Command("complete", Other)));
        Assert.IsType<Locked>(await service.SubmitAsync(Command("throw", Other)));
        Assert.Equal(0, Control.Oneways);
        Assert.DoesNotContain(Logs.Entries, e => e.Exception?.Message == "submit failed on purpose");
    }

    [Fact]
    public async Task Lock_WhileHandlerAwaits_AnsweredAndAppliesToLaterCommands()
    {
        var hcd = await StartRunningHcdAsync();
        var service = CommandServiceFactory.Make(hcd);
        var blocked = service.SubmitAsync(Command("blocking", Other));
        await Control.HandlerEntered.Task;
        Assert.IsType<LockingResponse.LockAcquired>(await LockAsync(hcd, Owner, LongLease));
        var refused = Assert.IsType<Locked>(await service.SubmitAsync(Command("complete", Other)));
        Assert.False(blocked.IsCompleted);
        Control.HandlerGate.SetResult();
        Assert.IsType<Completed>(await blocked);
        Assert.Equal(refused, await service.QueryAsync(refused.RunId));
    }
}
