using Csw.Actors.Internal.Mailboxes;
using Csw.TestKit;

namespace Csw.Actors.Tests.Internal.Mailboxes;

public sealed class UnboundedMailboxTests : MailboxContractTests
{
    private protected override Mailbox<int> Create(IMessageInvoker<int> invoker) => new UnboundedMailbox<int>(invoker);

    [Fact]
    public async Task Post_BeyondSegmentSizes_AllKeptInOrder()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker<int> { OnUser = n => n == 0 ? new ValueTask(gate.Task) : default };
        var mailbox = Create(invoker);
        mailbox.Post(0);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        var count = (UnboundedMailbox<int>.MaxSegmentLength * 3) + 5;
        for (var i = 1; i < count; i++)
        {
            mailbox.Post(i);
        }
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(count, invoker.Handled.Count));
        Assert.Equal(Enumerable.Range(0, count).Cast<object?>(), invoker.Handled.Select(h => h.Item));
    }
}
