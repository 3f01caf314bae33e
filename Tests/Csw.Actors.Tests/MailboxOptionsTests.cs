using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>Unbounded and bounded mailboxes as an actor sees them, with each overflow policy.</summary>
public sealed class MailboxOptionsTests : ActorTestKit
{
    [Fact]
    public void Bounded_ZeroCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxOptions.Bounded(0, MailboxOverflowPolicy.DropNewest));

    [Fact]
    public void Unbounded_HasNoCapacity() => Assert.Null(MailboxOptions.Unbounded.Capacity);

    [Fact]
    public async Task Unbounded_ManyMessagesWhileBusy_AllKept()
    {
        var (actor, entered, gate, handled) = SpawnBlocked(MailboxOptions.Unbounded);
        await entered;
        for (var i = 1; i <= 5000; i++)
        {
            actor.Tell(i);
        }
        gate.SetResult();
        Assert.Equal(Enumerable.Range(0, 5001), await handled.ReceiveMessagesAsync(5001));
        Assert.Equal(0, System.DeadLetterCount);
    }

    [Fact]
    public async Task DropNewest_Full_NewMessagesBecomeDeadLetters()
    {
        var (actor, entered, gate, handled) = SpawnBlocked(MailboxOptions.Bounded(3, MailboxOverflowPolicy.DropNewest));
        await entered;
        for (var i = 1; i <= 5; i++)
        {
            actor.Tell(i);
        }
        Assert.Equal(2, System.DeadLetterCount);
        gate.SetResult();
        Assert.Equal([0, 1, 2, 3], await handled.ReceiveMessagesAsync(4));
        await handled.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task DropOldest_Full_OldestMessagesBecomeDeadLetters()
    {
        var (actor, entered, gate, handled) = SpawnBlocked(MailboxOptions.Bounded(3, MailboxOverflowPolicy.DropOldest));
        await entered;
        for (var i = 1; i <= 5; i++)
        {
            actor.Tell(i);
        }
        Assert.Equal(2, System.DeadLetterCount);
        gate.SetResult();
        Assert.Equal([0, 3, 4, 5], await handled.ReceiveMessagesAsync(4));
        await handled.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task FailSender_Full_TellThrowsMailboxFull()
    {
        var (actor, entered, gate, handled) = SpawnBlocked(MailboxOptions.Bounded(2, MailboxOverflowPolicy.FailSender));
        await entered;
        actor.Tell(1);
        actor.Tell(2);
        var e = Assert.Throws<MailboxFullException>(() => actor.Tell(3));
        Assert.Contains(actor.Path.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(0, System.DeadLetterCount);
        gate.SetResult();
        Assert.Equal([0, 1, 2], await handled.ReceiveMessagesAsync(3));
        actor.Tell(4);
        await handled.ExpectMessageAsync(4);
    }

    [Fact]
    public async Task Bounded_FullMailbox_SystemMessagesStillAcceptedAndFirst()
    {
        var (actor, entered, gate, handled) = SpawnBlocked(MailboxOptions.Bounded(1, MailboxOverflowPolicy.FailSender));
        await entered;
        actor.Tell(1);
        var watcher = CreateProbe<int>();
        watcher.Watch(actor);
        System.Stop(actor);
        gate.SetResult();
        await handled.ExpectMessageAsync(0);
        await watcher.ExpectTerminatedAsync(actor);
        await handled.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, System.DeadLetterCount);
    }

    /// <summary>Spawns an actor whose handler of message 0 waits on a gate; tells it 0 and returns once it is inside.</summary>
    private (ActorRef<int> Actor, Task Entered, TaskCompletionSource Gate, TestProbe<int> Handled) SpawnBlocked(MailboxOptions mailbox)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            if (n == 0)
            {
                entered.SetResult();
                await gate.Task;
            }
            handled.Ref.Tell(n);
        }).WithMailbox(mailbox));
        actor.Tell(0);
        return (actor, entered.Task, gate, handled);
    }
}
