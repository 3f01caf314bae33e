using Csw.Actors.Internal.Mailboxes;
using Csw.TestKit;

namespace Csw.Actors.Tests.Internal.Mailboxes;

public sealed class BoundedMailboxTests : MailboxContractTests
{
    private protected override Mailbox<int> Create(IMessageInvoker<int> invoker) => new BoundedMailbox<int>(invoker, 100_000, MailboxOverflowPolicy.FailSender);

    [Theory]
    [InlineData(MailboxOverflowPolicy.DropNewest, new[] { 1, 2 }, new[] { 3, 4 })]
    [InlineData(MailboxOverflowPolicy.DropOldest, new[] { 3, 4 }, new[] { 1, 2 })]
    public async Task Post_Full_DropsPerPolicyAndAccepts(MailboxOverflowPolicy policy, int[] kept, int[] dropped)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker<int> { OnUser = n => n == 0 ? new ValueTask(gate.Task) : default };
        var mailbox = new BoundedMailbox<int>(invoker, 2, policy);
        mailbox.Post(0);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        Assert.All(new[] { 1, 2, 3, 4 }, n => Assert.True(mailbox.Post(n)));
        Assert.Equal(dropped, invoker.Dropped);
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(3, invoker.Handled.Count));
        Assert.Equal(kept.Prepend(0).Cast<object?>(), invoker.Handled.Select(h => h.Item));
    }

    [Fact]
    public async Task Post_FullFailSender_RefusesWithoutDropping()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker<int> { OnUser = n => n == 0 ? new ValueTask(gate.Task) : default };
        var mailbox = new BoundedMailbox<int>(invoker, 1, MailboxOverflowPolicy.FailSender);
        mailbox.Post(0);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        Assert.True(mailbox.Post(1));
        Assert.False(mailbox.Post(2));
        Assert.Empty(invoker.Dropped);
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2, invoker.Handled.Count));
        Assert.True(mailbox.Post(3));
    }
}
