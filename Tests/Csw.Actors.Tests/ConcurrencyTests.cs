using Csw.TestKit;

namespace Csw.Actors.Tests;

/// <summary>Many senders, one actor: nothing lost, nothing doubled, order kept per sender, across restarts.</summary>
public sealed class ConcurrencyTests : ActorTestKit
{
    private const int Senders = 8;
    private const int PerSender = 50_000;

    [Fact]
    public async Task Tell_ManyThreadsToOneActor_EachMessageOnceInSenderOrder()
    {
        var lastSeen = new int[Senders];
        Array.Fill(lastSeen, -1);
        var outOfOrder = 0;
        var handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Spawn(Props.FromFunc<(int Sender, int Seq)>((_, m) =>
        {
            // Exactly once and in order: each sender's numbers must arrive as 0, 1, 2, ... with no gap or repeat.
            if (m.Seq != lastSeen[m.Sender] + 1)
            {
                outOfOrder++;
            }
            lastSeen[m.Sender] = m.Seq;
            if (++handled == Senders * PerSender)
            {
                done.SetResult();
            }
        }));

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(() =>
        {
            for (var seq = 0; seq < PerSender; seq++)
            {
                actor.Tell((sender, seq));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        await done.Task.WaitAsync(TestTime.DefaultTimeout);
        Assert.Equal(0, outOfOrder);
        Assert.All(lastSeen, last => Assert.Equal(PerSender - 1, last));
        Assert.Equal(0, System.DeadLetterCount);
    }

    [Fact]
    public async Task Restart_StreamWithFailingMessage_OnlyThatMessageLost()
    {
        const int count = 20_000;
        const int failing = 7_777;
        var received = new List<int>(count);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Spawn(Props.FromFunc<int>((_, n) =>
        {
            if (n == failing)
            {
                throw new InvalidOperationException($"message {n}");
            }
            received.Add(n);
            if (n == count - 1)
            {
                done.SetResult();
            }
        }));
        var sending = Task.Run(() =>
        {
            for (var n = 0; n < count; n++)
            {
                actor.Tell(n);
            }
        });
        await sending;
        await done.Task.WaitAsync(TestTime.DefaultTimeout);
        Assert.Equal(Enumerable.Range(0, count).Where(n => n != failing), received);
    }

    [Fact]
    public async Task Restart_ManyFailuresAmongConcurrentSenders_EveryOtherMessageOnceInOrder()
    {
        const int perSender = 5_000;
        var lastSeen = new[] { -1, -1, -1, -1 };
        var errors = 0;
        var handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Fails((int Sender, int Seq) m) => m.Seq % 1000 == 500;
        var expected = 4 * Enumerable.Range(0, perSender).Count(seq => !Fails((0, seq)));
        var actor = Spawn(Props.FromFunc<(int Sender, int Seq)>((_, m) =>
        {
            var previous = lastSeen[m.Sender];
            lastSeen[m.Sender] = m.Seq;
            if (Fails(m))
            {
                throw new InvalidOperationException("restart");
            }
            // Only failing messages may be skipped between two handled ones.
            if (Enumerable.Range(previous + 1, m.Seq - previous - 1).Any(skipped => !Fails((m.Sender, skipped))))
            {
                errors++;
            }
            if (++handled == expected)
            {
                done.SetResult();
            }
        }).WithSupervision(SupervisorStrategy.Restart(1000, TimeSpan.FromMinutes(1))));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(() =>
        {
            for (var seq = 0; seq < perSender; seq++)
            {
                actor.Tell((sender, seq));
            }
        })));
        await done.Task.WaitAsync(TestTime.DefaultTimeout);
        Assert.Equal(0, errors);
        Assert.All(lastSeen, last => Assert.Equal(perSender - 1, last));
    }
}
