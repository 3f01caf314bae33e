using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class MessageAdapterTests : ActorTestKit
{
    private abstract record Command;

    private sealed record AskDoubler(ActorRef<Request> Doubler, int N) : Command;

    private sealed record Doubled(int Value) : Command;

    private sealed record Request(int N, ActorRef<int> ReplyTo);

    [Fact]
    public async Task MessageAdapter_ReplyOfOtherType_ArrivesMapped()
    {
        var seen = CreateProbe<int>();
        var doubler = Spawn(Props.FromFunc<Request>((_, r) => r.ReplyTo.Tell(r.N * 2)));
        var actor = Spawn(Props.FromFunc<Command>((ctx, m) =>
        {
            switch (m)
            {
                case AskDoubler ask:
                    ask.Doubler.Tell(new Request(ask.N, ctx.MessageAdapter<int>(n => new Doubled(n))));
                    break;
                case Doubled doubled:
                    seen.Ref.Tell(doubled.Value);
                    break;
            }
        }));
        actor.Tell(new AskDoubler(doubler, 21));
        await seen.ExpectMessageAsync(42);
    }

    [Fact]
    public async Task MessageAdapter_Path_UnderItsActor()
    {
        var paths = CreateProbe<string>();
        var actor = Spawn(Props.FromFunc<Command>((ctx, _) => paths.Ref.Tell(ctx.MessageAdapter<int>(n => new Doubled(n)).Path.ToString())), "owner");
        actor.Tell(new Doubled(0));
        Assert.StartsWith($"csw://{System.Name}/user/owner/", await paths.ExpectMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageAdapter_ActorStopped_MappedMessageIsDeadLetter()
    {
        var adapters = CreateProbe<ActorRef<int>>();
        var actor = Spawn(Props.FromFunc<Command>((ctx, _) => adapters.Ref.Tell(ctx.MessageAdapter<int>(n => new Doubled(n)))));
        actor.Tell(new Doubled(0));
        var adapter = await adapters.ExpectMessageAsync();
        System.Stop(actor);
        await adapters.ExpectTerminatedAsync(actor);
        adapter.Tell(1);
        Assert.Equal(1, System.DeadLetterCount);
    }
}
