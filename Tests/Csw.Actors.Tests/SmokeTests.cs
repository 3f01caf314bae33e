using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class SmokeTests : ActorTestKit
{
    private sealed record Ping(int N, ActorRef<int> ReplyTo);

    [Fact]
    public async Task Tell_ToEchoActor_ReplyArrives()
    {
        var echo = Spawn(Props.FromFunc<Ping>((_, p) => p.ReplyTo.Tell(p.N)));
        var probe = CreateProbe<int>();
        echo.Tell(new Ping(1, probe.Ref));
        echo.Tell(new Ping(2, probe.Ref));
        Assert.Equal([1, 2], await probe.ReceiveMessagesAsync(2));
        Assert.Equal(42, await echo.AskAsync<int>(r => new Ping(42, r)));
        System.Stop(echo);
        await probe.ExpectTerminatedAsync(echo);
    }
}
