using Csw.Actors;
using Csw.TestKit;

namespace Csw.Location.Tests;

public sealed class LocalActorUriTests : ActorTestKit
{
    [Fact]
    public void TryResolve_UriOfActor_GivesTheActorBack()
    {
        var actor = Spawn(Props.FromFunc<string>((_, _) => { }), "resolvable");

        var uri = LocalActorUri.For(actor);

        Assert.True(LocalActorUri.TryResolve<string>(uri, out var resolved));
        Assert.Same(actor, resolved);
        Assert.Equal("csw", uri.Scheme);
        Assert.Equal("/user/resolvable", uri.AbsolutePath);
    }

    [Fact]
    public void For_SameActorTwice_SameUri()
    {
        var actor = Spawn(Props.FromFunc<string>((_, _) => { }), "twice");

        Assert.Equal(LocalActorUri.For(actor), LocalActorUri.For(actor));
    }

    [Fact]
    public void TryResolve_OtherMessageType_False()
    {
        var uri = LocalActorUri.For(Spawn(Props.FromFunc<string>((_, _) => { }), "typed"));

        Assert.False(LocalActorUri.TryResolve<int>(uri, out var resolved));
        Assert.Null(resolved);
    }

    [Fact]
    public void TryResolve_UnknownUri_False()
    {
        Assert.False(LocalActorUri.TryResolve<string>(new Uri("csw://nowhere/user/nobody?uid=0"), out _));
        Assert.False(LocalActorUri.TryResolve<string>(new Uri("http://127.0.0.1:8080/"), out _));
    }

    [Fact]
    public void TryResolve_AfterForget_FalseUntilAskedAgain()
    {
        var actor = Spawn(Props.FromFunc<string>((_, _) => { }), "forgotten");
        var uri = LocalActorUri.For(actor);

        LocalActorUri.Forget(actor);

        Assert.False(LocalActorUri.TryResolve<string>(uri, out _));
        Assert.Equal(uri, LocalActorUri.For(actor));
        Assert.True(LocalActorUri.TryResolve<string>(uri, out _));
    }

    [Fact]
    public async Task For_ActorsAtTheSamePathInTwoSystems_DifferentUris()
    {
        await using var other = ActorSystem.Create(System.Name);
        var here = Spawn(Props.FromFunc<string>((_, _) => { }), "twin");
        var there = other.Spawn(Props.FromFunc<string>((_, _) => { }), "twin");
        Assert.Equal(here.Path, there.Path);

        var hereUri = LocalActorUri.For(here);
        var thereUri = LocalActorUri.For(there);

        Assert.NotEqual(hereUri, thereUri);
        Assert.True(LocalActorUri.TryResolve<string>(thereUri, out var resolved));
        Assert.Same(there, resolved);
    }
}
