using System.Diagnostics;
using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Examples;
using Examples.SampleHcd;
using Spectre.Console;

namespace Csw.Cli.Demo;

/// <summary>
/// The demo behind <c>csw demo</c>: a container with two filter wheel HCDs and a filter assembly
/// in this process, found through the embedded location service, driven through a short
/// observation sequence.
/// </summary>
internal static class ObservationDemo
{
    private static readonly Prefix Observer = Prefix.Parse("WFOS.observer");
    private static readonly Prefix Operator = Prefix.Parse("WFOS.operator");

    public static async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var system = CswActorSystem.Create("demo", Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        try
        {
            return await RunAsync(console, system, clock, cancellationToken);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<int> RunAsync(IAnsiConsole console, ActorSystem system, Stopwatch clock, CancellationToken cancellationToken)
    {
        var summary = new List<(string Step, string Outcome, double Ms)>();
        console.MarkupLine("[grey]Starting container WfosDemo: WFOS.blue.filter, WFOS.red.filter (HCDs) and WFOS.filter.assembly ...[/]");
        var locations = LocationServiceFactory.CreateEmbedded();
        await using var container = await Container.StartAsync(system, SampleSystem.ContainerConfig, new ComponentOptions { LocationService = locations }, cancellationToken);
        await container.WaitUntilRunningAsync(TimeSpan.FromSeconds(10), cancellationToken);
        var wheel = await FindAsync(system, locations, SampleSystem.BluePrefix, ComponentType.HCD, cancellationToken);
        var assembly = await FindAsync(system, locations, SampleSystem.AssemblyPrefix, ComponentType.Assembly, cancellationToken);
        var blueWheel = container.Components[0];

        async Task<ISubmitResponse> Step(string step, Func<Task<ISubmitResponse>> run)
        {
            var started = clock.Elapsed.TotalMilliseconds;
            var response = await run();
            summary.Add((step, Describe(response), clock.Elapsed.TotalMilliseconds - started));
            console.MarkupLineInterpolated($"[bold]{step}[/]: {Describe(response)}");
            return response;
        }

        await Step("Assembly ready", () => assembly.SubmitAndWaitAsync(new Setup(Observer, "configure").Add(FilterWheelHcd.Target.Set(0)), cancellationToken: cancellationToken));

        // Subscribe first: the supervisor handles the subscription before the move that follows it.
        await using (var states = wheel.SubscribeCurrentState([FilterWheelHcd.PositionState], cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            var next = states.MoveNextAsync();
            var move = await Step("Move blue wheel to slot 5", () => wheel.SubmitAsync(Move(Observer, 5), cancellationToken));
            while (await next)
            {
                var (position, moving) = (states.Current.Get(FilterWheelHcd.Position).Head, states.Current.Get(FilterWheelHcd.Moving).Head);
                console.MarkupLineInterpolated($"  [blue]wheel at slot {position}[/]{(moving ? " ..." : "")}");
                if (position == 5 && !moving)
                {
                    break;
                }
                next = states.MoveNextAsync();
            }
            await Step("Query the move", () => wheel.QueryFinalAsync(move.RunId, cancellationToken: cancellationToken));
        }

        var locked = await blueWheel.Ask<LockingResponse>(r => new SupervisorMessage.Lock(Operator, TimeSpan.FromSeconds(30), r), TimeSpan.FromSeconds(5), cancellationToken);
        console.MarkupLineInterpolated($"[bold]Operator locks the blue wheel[/]: {locked.GetType().Name}");
        await Step("Observer moves the locked wheel", () => wheel.SubmitAsync(Move(Observer, 2), cancellationToken));
        await blueWheel.Ask<LockingResponse>(r => new SupervisorMessage.Unlock(Operator, r), TimeSpan.FromSeconds(5), cancellationToken);

        await Step("Move to slot 12 (there are 8)", () => wheel.SubmitAsync(Move(Observer, 12), cancellationToken));
        await Step("Assembly configures both wheels to slot 2", () => assembly.SubmitAndWaitAsync(new Setup(Observer, "configure").Add(FilterWheelHcd.Target.Set(2)), cancellationToken: cancellationToken));

        var table = new Table().AddColumn("step").AddColumn("outcome").AddColumn(new TableColumn("ms").RightAligned());
        foreach (var (step, outcome, ms) in summary)
        {
            table.AddRow(Markup.Escape(step), Markup.Escape(outcome), ms.ToString("0"));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"[grey]Done in {clock.Elapsed.TotalSeconds:0.0} s.[/]");
        return 0;
    }

    // Found as any client finds a component: through the location service.
    private static async Task<ICommandService> FindAsync(ActorSystem system, ILocationService locations, Prefix prefix, ComponentType type, CancellationToken cancellationToken)
    {
        var location = await locations.ResolveAsync(Connection.Pekko(new ComponentId(prefix, type)), TimeSpan.FromSeconds(5), cancellationToken)
            ?? throw new InvalidOperationException($"{prefix} did not register.");
        return CommandServiceFactory.Make(location, system: system);
    }

    private static Setup Move(Prefix source, int target) => new Setup(source, "move").Add(FilterWheelHcd.Target.Set(target));

    private static string Describe(ISubmitResponse response) => response switch
    {
        Completed { Result.ParamSet.Count: > 0 } completed => $"Completed {string.Join(", ", completed.Result.ParamSet)}",
        Invalid invalid => $"Invalid ({invalid.Issue.Kind}: {invalid.Issue.Reason})",
        Error error => $"Error: {error.Message}",
        _ => response.GetType().Name,
    };
}
