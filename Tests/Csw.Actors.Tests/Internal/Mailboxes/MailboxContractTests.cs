using Csw.Actors.Internal;
using Csw.Actors.Internal.Mailboxes;
using Csw.TestKit;

namespace Csw.Actors.Tests.Internal.Mailboxes;

/// <summary>What every mailbox does, run against each implementation.</summary>
public abstract class MailboxContractTests
{
    private protected abstract Mailbox<int> Create(IMessageInvoker<int> invoker);

    [Fact]
    public async Task Post_Messages_HandledInOrder()
    {
        var invoker = new RecordingInvoker<int>();
        var mailbox = Create(invoker);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(mailbox.Post(i));
        }
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1000, invoker.Handled.Count));
        Assert.Equal(Enumerable.Range(0, 1000).Cast<object?>(), invoker.Handled.Select(h => h.Item));
    }

    [Fact]
    public async Task Post_FromManyThreads_EachOnceInSenderOrderNeverConcurrently()
    {
        var invoker = new RecordingInvoker<int>(throughput: 7);
        var mailbox = Create(invoker);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                mailbox.Post((sender * 1_000_000) + i);
            }
        })));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(40_000, invoker.Handled.Count));
        var handled = invoker.Handled.Select(h => (int)h.Item!).ToList();
        for (var sender = 0; sender < 4; sender++)
        {
            Assert.Equal(Enumerable.Range(sender * 1_000_000, 10_000), handled.Where(n => n / 1_000_000 == sender));
        }
        Assert.Equal(0, invoker.Overlaps);
    }

    [Fact]
    public async Task Execute_Throughput_AtMostThatManyMessagesPerTurn()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker<int>(throughput: 3) { OnUser = n => n == 0 ? new ValueTask(gate.Task) : default };
        var mailbox = Create(invoker);
        mailbox.Post(0);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        for (var i = 1; i <= 9; i++)
        {
            mailbox.Post(i);
        }
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(10, invoker.Handled.Count));
        // No turn runs more than three messages, and turns are filled: with nine messages waiting
        // behind the first, some turn runs exactly three. (Whether message 0's turn goes on with
        // 1 and 2 depends on whether the gate opened before that turn started to await.)
        var turns = invoker.Handled.GroupBy(h => h.Turn).Select(g => g.Count()).ToList();
        Assert.All(turns, size => Assert.InRange(size, 1, 3));
        Assert.Equal(3, turns.Skip(1).First());
        Assert.InRange(turns.Count, 4, 5);
    }

    [Fact]
    public async Task PostSystem_WhileUserMessagesWait_SystemMessagesFirstInArrivalOrder()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker<int> { OnUser = n => n == 0 ? new ValueTask(gate.Task) : default };
        var mailbox = Create(invoker);
        mailbox.Post(0);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        mailbox.Post(1);
        mailbox.Post(2);
        var stop = new StopActor();
        var create = new Create();
        mailbox.PostSystem(stop);
        mailbox.PostSystem(create);
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(5, invoker.Handled.Count));
        Assert.Equal([0, stop, create, 1, 2], invoker.Handled.Select(h => h.Item));
    }

    [Fact]
    public async Task Post_WhileSuspended_WaitsUntilResumedBySystemMessage()
    {
        var invoker = new RecordingInvoker<int> { Suspended = true };
        var mailbox = Create(invoker);
        mailbox.Post(1);
        var marker = new Create();
        mailbox.PostSystem(marker);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        Assert.Same(marker, invoker.Handled.Single().Item);
        invoker.Suspended = false;
        mailbox.PostSystem(new Create());
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(3, invoker.Handled.Count));
        Assert.Equal(1, invoker.Handled.Last().Item);
    }

    [Fact]
    public async Task PushFront_FromInsideTurn_HandledBeforeQueuedMessages()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Mailbox<int>? mailbox = null;
        var invoker = new RecordingInvoker<int>();
        invoker.OnUser = n =>
        {
            if (n == 0)
            {
                mailbox!.PushFront([100, 101]);
            }
            return n == -1 ? new ValueTask(gate.Task) : default;
        };
        mailbox = Create(invoker);
        mailbox.Post(-1);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(invoker.Handled));
        mailbox.Post(0);
        mailbox.Post(1);
        gate.SetResult();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(5, invoker.Handled.Count));
        Assert.Equal([-1, 0, 100, 101, 1], invoker.Handled.Select(h => h.Item));
    }

    [Fact]
    public async Task Post_AsyncHandlers_NeverOverlap()
    {
        var invoker = new RecordingInvoker<int> { OnUser = async _ => await Task.Yield() };
        var mailbox = Create(invoker);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                mailbox.Post(i);
                if (i % 50 == 0)
                {
                    mailbox.PostSystem(new Create());
                }
            }
        })));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2040, invoker.Handled.Count));
        Assert.Equal(0, invoker.Overlaps);
    }
}
