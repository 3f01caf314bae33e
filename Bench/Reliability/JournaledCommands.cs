using System.Diagnostics;
using Akka.Actor;
using Bench.Command;
using Bench.Harness;
using Csw.Command;
using Csw.Crm;
using Csw.Framework;
using Csw.Params;

namespace Bench.Reliability;

/// <summary>Submits to a component whose CRM journals to SQLite, against one that does not, in the same run.</summary>
internal static class JournaledCommands
{
    private static readonly Prefix Client = Prefix.Parse("CSW.bench");

    private static readonly Setup Go = new(Client, "go");

    /// <summary>Sorted nanoseconds per sequential SubmitAndWait: journaled, and unjournaled, in alternating blocks.</summary>
    public static async Task<(double[] Journaled, double[] Plain)> LatenciesAsync(string file, int count)
    {
        var system = CswActorSystem.Create("journaled-latency");
        try
        {
            var journaled = CommandServiceFactory.Make(await StartAsync(system, "journaled", file));
            var plain = CommandServiceFactory.Make(await StartAsync(system, "plain", null));
            return await Measure.AlternatingAsync(() => journaled.SubmitAndWaitAsync(Go), () => plain.SubmitAndWaitAsync(Go), count);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Commands per second with <paramref name="callers"/> concurrent callers on one component, journaled when <paramref name="file"/> is given.</summary>
    public static async Task<double> ThroughputAsync(string? file, int callers, int perCaller)
    {
        var system = CswActorSystem.Create("journaled-throughput");
        try
        {
            var service = CommandServiceFactory.Make(await StartAsync(system, "throughput", file));
            await RunAsync(service, 1, 100);
            var watch = Stopwatch.StartNew();
            await RunAsync(service, callers, perCaller);
            return Measure.Rate((long)callers * perCaller, watch.Elapsed);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// How long a component whose CRM journaled <paramref name="commands"/> commands takes, from its
    /// start in a new actor system, to answer a query for the last one; beside the same for a component without a journal.
    /// </summary>
    public static async Task<(TimeSpan Recovery, TimeSpan ColdStart)> RecoveryAsync(string file, int commands)
    {
        var first = CswActorSystem.Create("journaled-before");
        Id last;
        try
        {
            var service = CommandServiceFactory.Make(await StartAsync(first, "recovered", file));
            await RunAsync(service, 16, commands / 16);
            last = (await service.SubmitAsync(Go)).RunId;
        }
        finally
        {
            await first.Terminate();
        }
        return (await TimeToAnswerAsync(file, last), await TimeToAnswerAsync(null, null));
    }

    private static async Task<TimeSpan> TimeToAnswerAsync(string? file, Id? last)
    {
        var system = CswActorSystem.Create("journaled-after");
        try
        {
            var watch = Stopwatch.StartNew();
            var service = CommandServiceFactory.Make(Spawn(system, "recovered", file));
            if (last is null)
            {
                await service.ValidateAsync(Go);
            }
            else
            {
                await service.QueryAsync(last);
            }
            return watch.Elapsed;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<IActorRef> StartAsync(ActorSystem system, string name, string? file)
    {
        var component = Spawn(system, name, file);
        await Components.WaitRunningAsync(component);
        return component;
    }

    private static IActorRef Spawn(ActorSystem system, string name, string? file) =>
        Component.Spawn(system, new ComponentInfo(Prefix.Parse($"CSW.{name}"), ComponentType.HCD), context => new BenchHcd(context), ComponentOptions.Default with
        {
            Crm = CrmOptions.Default with { Journal = file is null ? null : CrmJournal.Sqlite(file) },
        });

    private static Task RunAsync(ICommandService service, int callers, int perCaller) =>
        Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await service.SubmitAndWaitAsync(Go);
            }
        })));
}
