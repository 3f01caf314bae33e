using Akka.Actor;
using Akka.TestKit.TestActors;
using Csw.Tests.Shared;
using Csw.TestKit;

namespace Csw.PubSub.Tests;

public sealed class PubSubTests : ComponentTestKit
{
    private sealed record Event(string Name, int Number);

    private PubSub<Event> StartPubSub(int bufferSize = 1024) =>
        PubSub<Event>.Start(Sys, nameOf: e => e.Name, options: new PubSubOptions { BufferSize = bufferSize });

    private static async Task<List<Event>> TakeAsync(Subscription<Event> subscription, int count)
    {
        var taken = new List<Event>();
        await foreach (var item in subscription)
        {
            taken.Add(item);
            if (taken.Count == count)
            {
                break;
            }
        }
        return taken;
    }

    [Fact]
    public async Task Subscribe_All_ReceivesEveryEventInOrder()
    {
        var pubSub = StartPubSub();
        using var subscription = pubSub.Subscribe();
        for (var i = 0; i < 100; i++)
        {
            pubSub.Publish(new Event(i % 2 == 0 ? "even" : "odd", i));
        }
        var received = await TakeAsync(subscription, 100);
        Assert.Equal(Enumerable.Range(0, 100), received.Select(e => e.Number));
    }

    [Fact]
    public async Task Subscribe_WithNames_ReceivesOnlyThoseNames()
    {
        var pubSub = StartPubSub();
        using var subscription = pubSub.Subscribe(["odd"]);
        for (var i = 0; i < 10; i++)
        {
            pubSub.Publish(new Event(i % 2 == 0 ? "even" : "odd", i));
        }
        var received = await TakeAsync(subscription, 5);
        Assert.Equal([1, 3, 5, 7, 9], received.Select(e => e.Number));
    }

    [Fact]
    public async Task Dispose_Subscription_RemovesSubscriberAndEndsStream()
    {
        var pubSub = StartPubSub();
        var subscription = pubSub.Subscribe();
        Assert.Equal(1, await pubSub.SubscriberCountAsync());
        subscription.Dispose();
        Assert.Equal(0, await pubSub.SubscriberCountAsync());
        pubSub.Publish(new Event("late", 1));
        await subscription.Completion;
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Subscribe_SameActorAgain_ReplacesFilter()
    {
        var pubSub = StartPubSub();
        var probe = CreateTestProbe();
        pubSub.Subscribe(probe.Ref, ["a"]);
        pubSub.Subscribe(probe.Ref, ["b"]);
        pubSub.Publish(new Event("a", 1));
        pubSub.Publish(new Event("b", 2));
        Assert.Equal(new Event("b", 2), await probe.ExpectMsgAsync<Event>());
        Assert.Equal(1, await pubSub.SubscriberCountAsync());
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unsubscribe_Actor_StopsDelivery()
    {
        var pubSub = StartPubSub();
        var probe = CreateTestProbe();
        pubSub.Subscribe(probe.Ref);
        pubSub.Unsubscribe(probe.Ref);
        pubSub.Publish(new Event("a", 1));
        Assert.Equal(0, await pubSub.SubscriberCountAsync());
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SubscriberActor_Stops_IsRemovedAutomatically()
    {
        var pubSub = StartPubSub();
        var subscriber = Sys.ActorOf(BlackHoleActor.Props);
        pubSub.Subscribe(subscriber);
        Assert.Equal(1, await pubSub.SubscriberCountAsync());
        Sys.Stop(subscriber);
        await AwaitAssertAsync(async () => Assert.Equal(0, await pubSub.SubscriberCountAsync()));
    }

    [Fact]
    public async Task Publish_WithStalledSubscriber_OthersGetEverythingAndStalledDropsOldest()
    {
        const int events = 100_000, subscribers = 99, stalledBuffer = 1000;
        var pubSub = StartPubSub(bufferSize: events);
        var readers = Enumerable.Range(0, subscribers).Select(_ => pubSub.Subscribe()).Select(s => Task.Run(() => TakeAsync(s, events))).ToList();
        using var stalled = pubSub.Subscribe(bufferSize: stalledBuffer);
        for (var i = 0; i < events; i++)
        {
            pubSub.Publish(new Event("tick", i));
        }
        foreach (var reader in readers)
        {
            var received = await reader;
            Assert.Equal(events, received.Count);
            Assert.True(received.Select(e => e.Number).SequenceEqual(Enumerable.Range(0, events)), "events out of order");
        }
        await AwaitAssertAsync(() => Assert.Equal(events - stalledBuffer, stalled.Dropped));
        var kept = await TakeAsync(stalled, stalledBuffer);
        Assert.Equal(Enumerable.Range(events - stalledBuffer, stalledBuffer), kept.Select(e => e.Number));
    }

    [Fact]
    public async Task Publish_SubscribersDyingMidStream_SurvivorsGetEverything()
    {
        var pubSub = StartPubSub();
        var survivor = CreateTestProbe();
        pubSub.Subscribe(survivor.Ref);
        var doomed = Enumerable.Range(0, 10).Select(_ => Sys.ActorOf(BlackHoleActor.Props)).ToList();
        foreach (var actor in doomed)
        {
            pubSub.Subscribe(actor);
        }
        for (var i = 0; i < 200; i++)
        {
            pubSub.Publish(new Event("tick", i));
            if (i == 100)
            {
                doomed.ForEach(Sys.Stop);
            }
        }
        var received = await survivor.ReceiveNAsync(200).Cast<Event>().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 200), received.Select(e => e.Number));
        await AwaitAssertAsync(async () => Assert.Equal(1, await pubSub.SubscriberCountAsync()));
    }

    [Fact]
    public async Task SubscribeCallback_ThatThrows_KeepsReceiving()
    {
        var pubSub = StartPubSub();
        var probe = CreateTestProbe();
        using var subscription = pubSub.Subscribe(e =>
        {
            probe.Ref.Tell(e.Number);
            return e.Number == 1 ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask;
        });
        pubSub.Publish(new Event("x", 1));
        pubSub.Publish(new Event("x", 2));
        Assert.Equal([1, 2], await probe.ReceiveNAsync(2).Cast<int>().ToListAsync());
    }

    [Fact]
    public async Task Stop_PubSub_CompletesSubscriptionsAfterDeliveredEvents()
    {
        var pubSub = StartPubSub();
        var subscription = pubSub.Subscribe();
        pubSub.Publish(new Event("x", 1));
        Assert.Equal(1, await pubSub.SubscriberCountAsync());
        Sys.Stop(pubSub.Actor);
        Assert.Equal([new Event("x", 1)], await TakeAsync(subscription, 2));
        await subscription.Completion;
    }

    [Fact]
    public async Task Subscribe_RacingWithStop_SubscriptionStillEnds()
    {
        var pubSub = StartPubSub();
        // Stop is a system message and overtakes the queued Subscribe, which never reaches the actor.
        var subscription = pubSub.Subscribe();
        Sys.Stop(pubSub.Actor);
        await subscription.Completion.WaitAsync(TestTime.DefaultTimeout);
        var late = pubSub.Subscribe();
        await late.Completion.WaitAsync(TestTime.DefaultTimeout);
    }

    [Fact]
    public void Subscription_ReadTwice_Throws()
    {
        var pubSub = StartPubSub();
        using var subscription = pubSub.Subscribe();
        _ = subscription.GetAsyncEnumerator();
        Assert.Throws<InvalidOperationException>(() => subscription.GetAsyncEnumerator());
    }

    [Fact]
    public void Options_BufferBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PubSubOptions { BufferSize = 0 });

    [Fact]
    public async Task Subscribe_BeyondMaxSubscribers_EndsWithLimitErrorAndOthersGoOn()
    {
        var pubSub = PubSub<Event>.Start(Sys, options: new PubSubOptions { MaxSubscribers = 2 });
        using var first = pubSub.Subscribe();
        var probe = CreateTestProbe();
        pubSub.Subscribe(probe.Ref);
        using var refused = pubSub.Subscribe();
        var e = await Assert.ThrowsAsync<SubscriberLimitException>(() => refused.Completion.WaitAsync(TestTime.DefaultTimeout));
        Assert.Contains("2 subscribers", e.Message);
        Assert.Equal(2, await pubSub.SubscriberCountAsync());
        pubSub.Publish(new Event("x", 1));
        Assert.Equal([new Event("x", 1)], await TakeAsync(first, 1));
        Assert.Equal(new Event("x", 1), await probe.ExpectMsgAsync<Event>());
    }

    [Fact]
    public void Options_MaxSubscribersBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PubSubOptions { MaxSubscribers = 0 });
}
