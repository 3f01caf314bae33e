using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class ActorRefTests : ActorTestKit
{
    [Fact]
    public async Task Tell_SeveralMessages_ArriveInOrder()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.FromFunc<int>((_, n) => probe.Ref.Tell(n)));
        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i);
        }
        Assert.Equal(Enumerable.Range(0, 100), await probe.ReceiveMessagesAsync(100));
    }

    [Fact]
    public void Equals_SameActor_EqualAndSameHash()
    {
        var actor = Spawn(Props.FromFunc<int>((_, _) => { }), "one");
        ActorRef asBase = actor;
        Assert.True(actor.Equals(asBase));
        Assert.Equal(actor.GetHashCode(), asBase.GetHashCode());
    }

    [Fact]
    public async Task Equals_NewIncarnationWithSamePath_NotEqual()
    {
        var probe = CreateProbe<int>();
        var first = Spawn(Props.FromFunc<int>((_, _) => { }), "reborn");
        System.Stop(first);
        await probe.ExpectTerminatedAsync(first);
        await TestWaits.AwaitAssertAsync(() => Assert.DoesNotContain(System.TopLevelActors, a => a.Path.Name == "reborn"));
        var second = Spawn(Props.FromFunc<int>((_, _) => { }), "reborn");
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual<ActorRef>(first, second);
    }

    [Fact]
    public void Equals_DifferentActors_NotEqual()
    {
        var a = Spawn(Props.FromFunc<int>((_, _) => { }), "a");
        var b = Spawn(Props.FromFunc<int>((_, _) => { }), "b");
        Assert.NotEqual<ActorRef>(a, b);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Fact]
    public async Task Path_Child_NestsUnderParent()
    {
        var paths = CreateProbe<string>();
        var parent = Spawn(Props.FromFunc<int>((ctx, _) => paths.Ref.Tell(ctx.Spawn(Props.FromFunc<int>((_, _) => { }), "motor").Path.ToString())), "wheel");
        parent.Tell(0);
        Assert.Equal($"csw://{System.Name}/user/wheel/motor", await paths.ExpectMessageAsync());
    }

    [Fact]
    public async Task Path_Parent_IsTheParentsPath()
    {
        var children = CreateProbe<ActorRef<int>>();
        var parent = Spawn(Props.FromFunc<int>((ctx, _) => children.Ref.Tell(ctx.Spawn(Props.FromFunc<int>((_, _) => { }), "c"))), "p");
        parent.Tell(0);
        var child = await children.ExpectMessageAsync();
        Assert.Equal(parent.Path, child.Path.Parent);
        Assert.Equal(parent.Path.GetHashCode(), child.Path.Parent!.GetHashCode());
    }
}
