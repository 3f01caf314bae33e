using System.CommandLine;
using Csw.Cli.Common;
using Csw.Framework;
using Csw.Location;

namespace Csw.Cli.Commands;

/// <summary>
/// <c>csw watch [subsystem|prefix]</c>: joins the cluster and prints every CurrentState and lifecycle
/// change of the matching components as they arrive, until Ctrl+C, whichever container they run in
/// and as they come and go.
/// </summary>
internal static class WatchCommand
{
    public static System.CommandLine.Command Create()
    {
        var filter = new Argument<string?>("subsystem-or-prefix") { Description = "A subsystem (WFOS) or a prefix (WFOS.blue: WFOS.blue.filter and the others below it); every component when left out.", Arity = ArgumentArity.ZeroOrOne };
        var seeds = ClusterOptions.Seeds($"The cluster's seeds, host:port,host:port (default: ${ClusterSettings.SeedsVariable}, else {ClusterOptions.LocalSeed}).");
        var hostname = ClusterOptions.Hostname($"The address the cluster's members reach this process at (default: ${ClusterSettings.InterfaceVariable}'s address, else 127.0.0.1).");
        var joinTimeout = ClusterOptions.JoinTimeout();
        var command = new System.CommandLine.Command("watch", "Joins the cluster and prints the CurrentStates and lifecycle changes of every matching component as they arrive, until Ctrl+C.")
        {
            filter, seeds, hostname, joinTimeout,
        };
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var settings = ClusterOptions.Settings(ClusterOptions.SeedsOrEnvironment(parse.GetValue(seeds)) ?? ClusterOptions.LocalSeed, 0, parse.GetValue(hostname));
            using var signal = new ShutdownSignal(cancellationToken);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _ = signal.Requested.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
            using var loggerFactory = ConsoleLogging.Create(Microsoft.Extensions.Logging.LogLevel.Warning);
            await using var member = ClusterMember.Start(settings, loggerFactory);
            // A member the others downed (frozen, cut off) has no cluster left to watch: it ends.
            _ = member.System.WhenTerminated.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
            var what = parse.GetValue(filter);
            IAsyncEnumerable<ComponentEvent> events;
            try
            {
                events = ComponentObserver.ObserveAsync(member.System, what, stop.Token);
            }
            catch (ArgumentException e)
            {
                throw ClusterOptions.Usage(e);
            }
            try
            {
                await member.JoinAsync(TimeSpan.FromSeconds(parse.GetValue(joinTimeout)), stop.Token);
                // Tests and scripts wait for this line.
                Console.WriteLine($"Watching {(string.IsNullOrWhiteSpace(what) ? "every component" : what)} in the cluster (seeds {ClusterOptions.Describe(settings)}); Ctrl+C stops.");
                await foreach (var change in events)
                {
                    Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff}  {Printer.ComponentEvent(change)}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the operator, or downed.
            }
            if (ClusterMember.WasDowned(member.System))
            {
                await Console.Error.WriteLineAsync(ClusterMember.DownedMessage($"This watch ({member.Address})"));
                return ExitCodes.Unavailable;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
