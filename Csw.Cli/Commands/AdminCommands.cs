using System.CommandLine;
using Csw.Cli.Common;
using Csw.Command;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Commands;

/// <summary>
/// An operator's one-shots on a component, over Akka.Remote in the cluster (<c>--cluster-seeds</c>), else
/// through the admin route of its command endpoint:
/// <c>csw lock|unlock|online|offline|restart|shutdown|log-level|status &lt;prefix&gt;</c>.
/// </summary>
internal static class AdminCommands
{
    public static IEnumerable<System.CommandLine.Command> Create()
    {
        var lease = new Option<double>("--lease") { Description = "Seconds the lock lasts unless renewed by locking again (default 300).", DefaultValueFactory = _ => 300 };
        yield return Make("lock", "Locks the component: commands from other prefixes are answered Locked until it is unlocked or the lease ends.", [Source(), lease],
            async (admin, parse, target, ct) => Print(target, await admin.LockAsync(SourceOf(parse), TimeSpan.FromSeconds(parse.GetValue(lease)), ct)));
        yield return Make("unlock", "Releases the component's lock (allowed to its owner and to CSW.admin).", [Source()],
            async (admin, parse, target, ct) => Print(target, await admin.UnlockAsync(SourceOf(parse), ct)));
        yield return Make("online", "Takes the component online (after the commands queued before).", [],
            async (admin, _, target, ct) => Print(target, await admin.GoOnlineAsync(ct), SupervisorLifecycleState.Running));
        yield return Make("offline", "Takes the component offline (after the commands queued before); commands still reach its handlers, which see IsOnline false.", [],
            async (admin, _, target, ct) => Print(target, await admin.GoOfflineAsync(ct), SupervisorLifecycleState.RunningOffline));
        yield return Make("restart", "Restarts the component: a fresh handlers instance initializes; waits until it is Running.", [],
            async (admin, _, target, ct) => Print(target, await admin.RestartAsync(cancellationToken: ct), SupervisorLifecycleState.Running));
        yield return Make("shutdown", "Shuts the component down: it unregisters and stops (its container goes on).", [],
            async (admin, _, target, ct) => Print(target, await admin.ShutdownAsync(cancellationToken: ct), SupervisorLifecycleState.Shutdown));
        var level = new Argument<string?>("level") { Description = "The new level: trace, debug, info, warn, error, fatal or off; without it, prints the level.", Arity = ArgumentArity.ZeroOrOne };
        yield return Make("log-level", "Prints or changes the component's log level, at once, while it runs.", [level],
            async (admin, parse, target, ct) => Print(target, parse.GetValue(level) is { } text ? await admin.SetLogLevelAsync(ParseLevel(text), ct) : await admin.GetLogLevelAsync(ct)));
        yield return Make("status", "Prints the component's lifecycle state and log level.", [],
            async (admin, _, target, ct) =>
            {
                var state = await admin.GetLifecycleStateAsync(ct);
                var logLevel = await admin.GetLogLevelAsync(ct);
                Console.WriteLine($"{target}  {state}  log level {Name(logLevel.Level)} (default {Name(logLevel.Default)})");
                return ExitCodes.Ok;
            });
    }

    private static System.CommandLine.Command Make(string name, string description, Symbol[] extra, Func<IAdminService, ParseResult, Prefix, CancellationToken, Task<int>> run)
    {
        var prefix = new Argument<string>("prefix") { Description = "The component, e.g. WFOS.blue.filter." };
        var type = new Option<string?>("--type", "-t") { Description = "hcd or assembly, when both kinds have this prefix." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the component (default 60).", DefaultValueFactory = _ => 60 };
        var client = new ClientOptions();
        var command = new System.CommandLine.Command(name, description) { prefix, type, timeout };
        client.AddTo(command);
        foreach (var symbol in extra)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var target = CommandArguments.ParsePrefix(parse.GetValue(prefix)!, null);
            var kind = CommandArguments.ParseType(parse.GetValue(type));
            await using var reach = await client.OpenAsync(parse, cancellationToken);
            var admin = await Remote.AdminServiceAsync(reach, target, kind, client.Token(parse), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            try
            {
                return await run(admin, parse, target, cancellationToken);
            }
            finally
            {
                await OneShot.CloseAsync(admin);
            }
        }));
        return command;
    }

    private static Option<string> Source() => new("--source") { Description = "The prefix that holds the lock (default CSW.cli, the prefix csw submit sends from).", DefaultValueFactory = _ => "CSW.cli" };

    private static Prefix SourceOf(ParseResult parse) =>
        CommandArguments.ParsePrefix(parse.GetValue<string>("--source")!, "--source");

    private static LogLevel ParseLevel(string text) => LogLevels.Parse(text);

    private static string Name(LogLevel level) => LogLevels.Name(level);

    private static int Print(Prefix target, LockingResponse response)
    {
        Console.WriteLine(response switch
        {
            LockingResponse.AcquiringLockFailed failed => $"AcquiringLockFailed {target}: {failed.Reason}",
            LockingResponse.ReleasingLockFailed failed => $"ReleasingLockFailed {target}: {failed.Reason}",
            _ => $"{response.GetType().Name} {target}",
        });
        return response is LockingResponse.AcquiringLockFailed or LockingResponse.ReleasingLockFailed ? ExitCodes.Negative : ExitCodes.Ok;
    }

    private static int Print(Prefix target, SupervisorLifecycleState state, SupervisorLifecycleState wanted)
    {
        Console.WriteLine($"{target}  {state}");
        return state == wanted ? ExitCodes.Ok : ExitCodes.Negative;
    }

    private static int Print(Prefix target, ComponentLogLevel level)
    {
        Console.WriteLine($"{target}  log level {Name(level.Level)} (default {Name(level.Default)})");
        return ExitCodes.Ok;
    }
}
