using Csw.Tests.Shared;
using Csw.Actors.Tests.Support;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Actors.Tests;

public sealed class DeadLetterTests
{
    [Fact]
    public async Task Tell_StoppedActor_CountedLoggedNotThrown()
    {
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("letters", new ActorSystemOptions { LoggerFactory = logs });
        var probe = new TestProbe<int>(system);
        var actor = system.Spawn(Props.FromFunc<string>((_, _) => { }), "gone");
        system.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        actor.Tell("one");
        actor.Tell("two");

        Assert.Equal(2, system.DeadLetterCount);
        var logged = logs.InCategory("Csw.Actors.DeadLetters").ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, e => Assert.Contains("csw://letters/user/gone", e.Message, StringComparison.Ordinal));
        Assert.All(logged, e => Assert.Contains(nameof(String), e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tell_ManyDeadLetters_OnlyFirstAndEveryThousandthLogged()
    {
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("flood", new ActorSystemOptions { LoggerFactory = logs, DeadLettersLoggedInFull = 3 });
        var probe = new TestProbe<int>(system);
        var actor = system.Spawn(Props.FromFunc<int>((_, _) => { }));
        system.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        for (var i = 0; i < 2500; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(2500, system.DeadLetterCount);
        var logged = logs.InCategory("Csw.Actors.DeadLetters").ToList();
        Assert.Equal(5, logged.Count);
        Assert.All(logged, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains("2000", logged[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_DeadLettersFromManyThreads_CountedExactly()
    {
        await using var system = ActorSystem.Create("count");
        var probe = new TestProbe<int>(system);
        var actor = system.Spawn(Props.FromFunc<int>((_, _) => { }));
        system.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                actor.Tell(i);
            }
        })));
        Assert.Equal(40_000, system.DeadLetterCount);
    }
}
