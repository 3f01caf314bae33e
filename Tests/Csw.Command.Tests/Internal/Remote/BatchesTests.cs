using System.Collections.Concurrent;
using System.Runtime.Serialization;
using Akka.Actor;
using Csw.Command.Internal.Remote;
using Csw.Command.Tests.Remote;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests.Internal.Remote;

public sealed class BatchesTests() : ComponentTestKit(config: AkkaRemoteComponent.RemoteConfig)
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private CswMessageSerializer Serializer => new((ExtendedActorSystem)Sys);

    private static Batches.Item Answer(long correlation, CommandResponse response) =>
        new(correlation, CswMessageSerializer.Id, "R", CswJson.ToUtf8Bytes(response));

    private List<(long Correlation, object Reply)> Read(IEnumerable<byte[]> frames) =>
        frames.SelectMany(frame => Assert.IsType<ReplyBatch>(Serializer.FromBinary(frame, CswMessageSerializer.ReplyBatchManifest)).Replies).ToList();

    [Fact]
    public void Pack_ManySmallItems_FramesOfAtMostMaxItems_ReadBackInOrder()
    {
        var items = Enumerable.Range(0, 600).Select(i => Answer(i, new Completed(new Id($"r{i}")))).ToList();

        var frames = Batches.Pack("", items).ToList();

        Assert.Equal(3, frames.Count);
        var replies = Read(frames);
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (long)i), replies.Select(reply => reply.Correlation));
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (object)new Completed(new Id($"r{i}"))), replies.Select(reply => reply.Reply));
    }

    [Fact]
    public void Pack_LargeItems_EachFrameUnderTheLimit_AnItemOverItGoesAlone()
    {
        var items = new List<Batches.Item>();
        for (var i = 0; i < 10; i++)
        {
            items.Add(new(i, CswMessageSerializer.Id, "R", new byte[20_000]));
        }
        items.Add(new(10, CswMessageSerializer.Id, "R", new byte[100_000]));
        items.Add(new(11, CswMessageSerializer.Id, "R", new byte[10]));

        var frames = Batches.Pack("", items).ToList();

        // 3 + 3 + 3 + 1 of 20 KB (the fourth would pass 64 KB), the big one alone, then the small one.
        Assert.Equal(new[] { 3, 3, 3, 1, 1, 1 }, frames.Select(frame =>
        {
            var reader = new EnvelopeReader(frame);
            reader.Text();
            return reader.Count();
        }));
        Assert.All(frames.Where(frame => frame.Length < 100_000), frame => Assert.True(frame.Length <= Batches.MaxFrameBytes, $"{frame.Length} bytes"));
    }

    [Fact]
    public void ReadReplies_AnAnswerThatCannotBeRead_ItsCallerGetsTheReason_TheOthersArrive()
    {
        var items = new List<Batches.Item>
        {
            Answer(1, new Completed(new Id("r1"))),
            new(2, CswMessageSerializer.Id, "R", "{\"_type\":\"Nonsense\"}"u8.ToArray()),
            new(3, 999_999, "X", [1, 2, 3]),
            Answer(4, new Cancelled(new Id("r4"))),
        };

        var replies = Read(Batches.Pack("", items));

        Assert.Equal(new[] { 1L, 2, 3, 4 }, replies.Select(reply => reply.Correlation));
        Assert.Equal(new Completed(new Id("r1")), replies[0].Reply);
        Assert.Contains("Cannot read the component's answer 'R'", Assert.IsType<Status.Failure>(replies[1].Reply).Cause.Message);
        Assert.Contains("'X' of 3 bytes (serializer 999999)", Assert.IsType<Status.Failure>(replies[2].Reply).Cause.Message);
        Assert.Equal(new Cancelled(new Id("r4")), replies[3].Reply);
    }

    [Fact]
    public void ReadCommands_EachCommandGetsAReplyAddress_WhatItIsToldGoesBackBatchedUnderItsNumber()
    {
        var client = CreateTestProbe();
        var address = client.Ref.Path.ToSerializationFormatWithAddress(((ExtendedActorSystem)Sys).Provider.DefaultAddress);
        var submit = new ComponentMessage.Submit(new Setup(Client, "move").Add(Keys.Int("target").Set(3)), client.Ref) { RequestId = "q1", Deadline = DateTime.UtcNow.AddMinutes(1) };
        var query = new ComponentMessage.QueryFinal(new Id("r9"), client.Ref);
        var frame = Batches.Pack(address,
        [
            new(41, CswMessageSerializer.Id, CswMessageSerializer.BodyManifest(submit), CswMessageSerializer.BodyBytes(submit)),
            new(42, CswMessageSerializer.Id, CswMessageSerializer.BodyManifest(query), CswMessageSerializer.BodyBytes(query)),
        ]).Single();

        var batch = Assert.IsType<CommandBatch>(Serializer.FromBinary(frame, CswMessageSerializer.CommandBatchManifest));

        var read = Assert.IsType<ComponentMessage.Submit>(batch.Messages[0]);
        Assert.Equal((submit.Command, submit.RequestId), (read.Command, read.RequestId));
        Assert.Equal(new Id("r9"), Assert.IsType<ComponentMessage.QueryFinal>(batch.Messages[1]).RunId);
        read.ReplyTo.Tell(new Completed(new Id("a")));
        ((ComponentMessage.QueryFinal)batch.Messages[1]).ReplyTo.Tell(new Cancelled(new Id("b")));
        var replies = new List<(long, object)>();
        while (replies.Count < 2)
        {
            var sent = client.ExpectMsg<OutgoingBatch>();
            Assert.Equal(CswMessageSerializer.ReplyBatchManifest, sent.Manifest);
            replies.AddRange(Read([sent.Bytes]));
        }
        Assert.Equal(new (long, object)[] { (41, new Completed(new Id("a"))), (42, new Cancelled(new Id("b"))) }, replies);
    }

    [Fact]
    public void FromBinary_BatchesCutShortOrFlipped_SerializationExceptionOrABatch()
    {
        var replies = Batches.Pack("", [Answer(1, new Completed(new Id("r1"))), Answer(2, new Started(new Id("r2")))]).Single();
        var submit = new ComponentMessage.Submit(new Setup(Client, "move"), CreateTestProbe().Ref);
        var commands = Batches.Pack("akka.tcp://nobody@127.0.0.1:1/temp/$a", [new(1, CswMessageSerializer.Id, CswMessageSerializer.BodyManifest(submit), CswMessageSerializer.BodyBytes(submit))]).Single();
        var random = new Random(11);
        var inputs = Enumerable.Range(0, replies.Length).Select(length => (replies[..length], CswMessageSerializer.ReplyBatchManifest))
            .Concat(Enumerable.Range(0, 300).Select(_ =>
            {
                var copy = (byte[])replies.Clone();
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return (copy, CswMessageSerializer.ReplyBatchManifest);
            }))
            // Only cut short: a flipped byte in the header could make another address, and answers would go there.
            .Concat(Enumerable.Range(0, commands.Length).Select(length => (commands[..length], CswMessageSerializer.CommandBatchManifest)));

        foreach (var (input, manifest) in inputs)
        {
            try
            {
                Assert.NotNull(Serializer.FromBinary(input, manifest));
            }
            catch (SerializationException)
            {
            }
        }
    }

    [Fact]
    public async Task Batcher_ManyThreadsAdding_EachItemSentOnce_InEachThreadsOrder_SendsNeverOverlap()
    {
        const int threads = 8, perThread = 20_000;
        var received = new ConcurrentQueue<(int Thread, int Seq)>();
        var sending = 0;
        var overlapped = false;
        var sends = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new Batcher<(int Thread, int Seq)>(items =>
        {
            overlapped |= Interlocked.Exchange(ref sending, 1) == 1;
            Interlocked.Increment(ref sends);
            items.ForEach(received.Enqueue);
            Volatile.Write(ref sending, 0);
            if (received.Count == threads * perThread)
            {
                all.SetResult();
            }
        }, e => all.TrySetException(e));

        await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(() =>
        {
            for (var seq = 0; seq < perThread; seq++)
            {
                batcher.Add((thread, seq));
            }
        })));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(overlapped);
        Assert.True(sends < threads * perThread, $"{sends} sends: nothing was batched");
        foreach (var thread in received.GroupBy(item => item.Thread))
        {
            Assert.Equal(Enumerable.Range(0, perThread), thread.Select(item => item.Seq));
        }
    }

    [Fact]
    public async Task Batcher_SendThrows_Reported_LaterItemsStillSent()
    {
        var failures = new ConcurrentQueue<Exception>();
        var sent = new ConcurrentQueue<int>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new Batcher<int>(items =>
        {
            if (items.Contains(1))
            {
                throw new InvalidOperationException("send failed");
            }
            items.ForEach(sent.Enqueue);
            second.TrySetResult();
        }, failures.Enqueue);

        batcher.Add(1);
        await AwaitAssertAsync(() => Assert.False(failures.IsEmpty));
        batcher.Add(2);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("send failed", Assert.Single(failures).Message);
        Assert.Equal(new[] { 2 }, sent);
    }
}
