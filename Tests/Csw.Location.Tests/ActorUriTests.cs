using Akka.Actor;
using Akka.TestKit.TestActors;

namespace Csw.Location.Tests;

public sealed class ActorUriTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void For_Actor_PathWithSystemAddressAndUid()
    {
        var actor = Sys.ActorOf(BlackHoleActor.Props, "hcd");
        var uri = ActorUri.For(actor, Sys);
        Assert.Equal($"akka://{Sys.Name}/user/hcd#{actor.Path.Uid}", uri.OriginalString);
    }

    [Fact]
    public void TryResolve_UriOfActor_GivesTheActorBack()
    {
        var actor = Sys.ActorOf(BlackHoleActor.Props, "wheel");
        Assert.True(ActorUri.TryResolve(ActorUri.For(actor, Sys), Sys, out var resolved));
        Assert.Equal(actor, resolved);
        Assert.True(ActorUri.IsLocal(resolved));
    }

    [Fact]
    public void For_SameActorTwice_SameUri()
    {
        var actor = Sys.ActorOf(BlackHoleActor.Props);
        Assert.Equal(ActorUri.For(actor, Sys).OriginalString, ActorUri.For(actor, Sys).OriginalString);
    }

    [Fact]
    public void TryResolve_NotAnActorsUri_False()
    {
        Assert.False(ActorUri.TryResolve(new Uri("http://127.0.0.1:8080/"), Sys, out _));
        Assert.False(ActorUri.TryResolve(new Uri($"akka://{Sys.Name}/user/nobody"), Sys, out _));
    }

    [Fact]
    public async Task TryResolve_ActorStopped_False()
    {
        var actor = Sys.ActorOf(BlackHoleActor.Props, "gone");
        var uri = ActorUri.For(actor, Sys);
        await WatchAsync(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        Assert.False(ActorUri.TryResolve(uri, Sys, out _));
    }

    [Fact]
    public async Task TryResolve_PredecessorAtTheSamePath_False()
    {
        var first = Sys.ActorOf(BlackHoleActor.Props, "reborn");
        var oldUri = ActorUri.For(first, Sys);
        await WatchAsync(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        // The name is free once the guardian has removed the stopped actor, a moment after Terminated.
        IActorRef? second = null;
        await AwaitAssertAsync(() => second = Sys.ActorOf(BlackHoleActor.Props, "reborn"));

        Assert.NotEqual(oldUri.OriginalString, ActorUri.For(second!, Sys).OriginalString);
        Assert.False(ActorUri.TryResolve(oldUri, Sys, out _));
        Assert.True(ActorUri.TryResolve(ActorUri.For(second!, Sys), Sys, out var resolved));
        Assert.Equal(second, resolved);
    }

    [Fact]
    public async Task TryResolve_ActorOfAnotherSystemWithoutRemoting_False()
    {
        var other = ActorSystem.Create("other");
        try
        {
            var there = other.ActorOf(BlackHoleActor.Props, "twin");
            var here = Sys.ActorOf(BlackHoleActor.Props, "twin");
            Assert.NotEqual(ActorUri.For(here, Sys).OriginalString, ActorUri.For(there, other).OriginalString);
            Assert.False(ActorUri.TryResolve(ActorUri.For(there, other), Sys, out _));
        }
        finally
        {
            await other.Terminate();
        }
    }
}
