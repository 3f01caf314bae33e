using Csw.Actors;
using Csw.TestKit;

namespace Csw.Location.Tests;

public sealed class LocalActorUriTests : ActorTestKit
{
    [Fact]
    public void For_ThenTryResolve_GivesTheActorBackUntilForgotten()
    {
        var actor = Spawn(Props.FromFunc<string>((_, _) => { }), "resolvable");
        var uri = LocalActorUri.For(actor);
        Assert.True(LocalActorUri.TryResolve<string>(uri, out var resolved));
        Assert.Same(actor, resolved);
        Assert.False(LocalActorUri.TryResolve<int>(uri, out _));
        LocalActorUri.Forget(actor);
        Assert.False(LocalActorUri.TryResolve<string>(uri, out _));
    }
}
