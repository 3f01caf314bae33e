using System.Diagnostics;
using Csw.Actors;

namespace Csw.Cli.Demo;

/// <summary>
/// The kernel demo behind <c>csw demo</c> until the component framework exists: a simulated filter
/// wheel actor that answers at once, turns in the background (PipeToSelf) and reports when done,
/// while it keeps answering position queries.
/// </summary>
internal static class KernelDemo
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var system = ActorSystem.Create("demo");
        var wheel = system.Spawn(Props.Create<WheelMessage>(() => new FilterWheel()), "filter-wheel");

        output.WriteLine("Asking the filter wheel to move to slot 5 ...");
        var move = wheel.AskAsync<MoveDone>(replyTo => new Move(5, replyTo), TimeSpan.FromSeconds(5), cancellationToken);
        while (!move.IsCompleted)
        {
            var position = await wheel.AskAsync<int>(replyTo => new GetPosition(replyTo), cancellationToken: cancellationToken);
            output.WriteLine($"  wheel at slot {position}");
            await Task.WhenAny(move, Task.Delay(60, cancellationToken));
        }
        var done = await move;
        output.WriteLine($"Move finished at slot {done.Position}.");

        var pings = 100_000;
        var started = Stopwatch.StartNew();
        for (var i = 0; i < pings; i++)
        {
            await wheel.AskAsync<int>(replyTo => new GetPosition(replyTo), cancellationToken: cancellationToken);
        }
        output.WriteLine($"{pings:N0} sequential asks in {started.ElapsedMilliseconds} ms ({started.Elapsed.TotalNanoseconds / pings:N0} ns each).");

        var stopped = await system.TerminateAsync();
        output.WriteLine($"Actor system stopped {(stopped ? "cleanly" : "with actors still busy")} after {watch.ElapsedMilliseconds} ms; dead letters: {system.DeadLetterCount}.");
        return stopped ? 0 : 1;
    }
}
