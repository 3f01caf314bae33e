using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Csw.Cli.Common;
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
/// observation sequence. On a terminal it uses colour; redirected to a file or a pipe it prints
/// plain lines, never wrapped (<see cref="Printer.IsPlain"/>). Responses and states print as
/// everywhere in <c>csw</c> (<see cref="Printer"/>).
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
        var plain = Printer.IsPlain(console);
        void Line(string text, string style)
        {
            if (plain)
            {
                console.Profile.Out.Writer.WriteLine(text);
            }
            else
            {
                console.Write(new Text(text + Environment.NewLine, Style.Parse(style)));
            }
        }

        void Done(string step, string outcome, double started)
        {
            summary.Add((step, outcome, clock.Elapsed.TotalMilliseconds - started));
            Line($"{step}: {outcome}", "bold");
        }

        Line("Starting container WfosDemo: WFOS.blue.filter, WFOS.red.filter (HCDs) and WFOS.filter.assembly ...", "grey");
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
            Done(step, Printer.Response(response, runId: false), started);
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
                Line($"  {Printer.State(states.Current)}", "blue");
                if (position == 5 && !moving)
                {
                    break;
                }
                next = states.MoveNextAsync();
            }
            await Step("Query the move", () => wheel.QueryFinalAsync(move.RunId, cancellationToken: cancellationToken));
        }

        var locking = clock.Elapsed.TotalMilliseconds;
        var locked = await blueWheel.Ask<LockingResponse>(r => new SupervisorMessage.Lock(Operator, TimeSpan.FromSeconds(30), r), TimeSpan.FromSeconds(5), cancellationToken);
        Done("Operator locks the blue wheel", locked.GetType().Name, locking);
        await Step("Observer moves the locked wheel", () => wheel.SubmitAsync(Move(Observer, 2), cancellationToken));
        var unlocking = clock.Elapsed.TotalMilliseconds;
        var unlocked = await blueWheel.Ask<LockingResponse>(r => new SupervisorMessage.Unlock(Operator, r), TimeSpan.FromSeconds(5), cancellationToken);
        Done("Operator unlocks it", unlocked.GetType().Name, unlocking);

        await Step("Move to slot 12 (there are 8)", () => wheel.SubmitAsync(Move(Observer, 12), cancellationToken));
        await Step("Assembly configures both wheels to slot 2", () => assembly.SubmitAndWaitAsync(new Setup(Observer, "configure").Add(FilterWheelHcd.Target.Set(2)), cancellationToken: cancellationToken));

        Printer.Table(console, ["step", "outcome", "ms"], summary.Select(row => new[] { row.Step, row.Outcome, row.Ms.ToString("0", CultureInfo.InvariantCulture) }));
        Line($"Done in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.", "grey");
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
}
