using System.CommandLine;
using Csw.Cli.Common;

namespace Csw.Cli.Shell;

/// <summary><c>csw shell [script.csx]</c>: the C# console, or a script run to its end.</summary>
internal static class ShellCommand
{
    /// <summary>The <c>shell</c> subcommand with its script argument and the shared location and token options.</summary>
    public static System.CommandLine.Command Create()
    {
        var script = new Argument<FileInfo?>("script") { Description = "A C# script (.csx) to run instead of the console: exit code 0 when it runs to its end, 2 when it does not compile, 1 when it throws.", Arity = ArgumentArity.ZeroOrOne };
        var location = CliOptions.Location();
        location.Description = $"Use this location server (default: ${CliOptions.LocationVariable}; without either, an embedded location service for the components started in the shell).";
        var token = CliOptions.Token();
        var seeds = ClusterOptions.Seeds($"Join the cluster through these seeds, host:port,host:port (default: ${Location.ClusterSettings.SeedsVariable} when --location is not given): components anywhere in it, commanded over Akka.Remote, and Watch(...).");
        var hostname = ClusterOptions.Hostname($"With the cluster: the address its members reach this process at (default: ${Location.ClusterSettings.InterfaceVariable}'s address, else 127.0.0.1).");
        var joinTimeout = ClusterOptions.JoinTimeout();
        var command = new System.CommandLine.Command("shell", "A C# console with CswNet imported and helpers to find components, send commands and watch state (docs/Shell.md).")
        {
            script, location, token, seeds, hostname, joinTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryLocation(parse.GetValue(location), out var server))
            {
                return ExitCodes.Usage;
            }
            var output = new ShellOutput(Console.Out);
            var secret = CliOptions.TokenOrDefault(parse.GetValue(token));
            ShellSession session;
            try
            {
                session = await OpenAsync(parse.GetValue(seeds), server, parse.GetValue(location) is not null, parse.GetValue(hostname), TimeSpan.FromSeconds(parse.GetValue(joinTimeout)), secret, output, cancellationToken);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            catch (TimeoutException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Unavailable;
            }
            await using var _ = session;
            // Ctrl+C stops the running submission and the watches, not the shell.
            ConsoleCancelEventHandler interrupt = (_, e) =>
            {
                e.Cancel = true;
                session.Interrupt();
            };
            Console.CancelKeyPress += interrupt;
            try
            {
                if (parse.GetValue(script) is { } file)
                {
                    return await ShellScript.RunAsync(session, file);
                }
                await new ShellRepl(session, Input(output)).RunAsync();
                return ExitCodes.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= interrupt;
            }
        });
        return command;
    }

    /// <summary>
    /// The session: in the cluster with --cluster-seeds (or $CLUSTER_SEEDS unless --location is
    /// given), once joined; else through the location server, if any; else embedded.
    /// </summary>
    private static async Task<ShellSession> OpenAsync(string? seeds, Uri? server, bool serverGiven, string? hostname, TimeSpan joinTimeout, string? token, ShellOutput output, CancellationToken cancellationToken)
    {
        var backend = LocationBackend.Choose(seeds, null, serverGiven ? server : null, 0, hostname, environmentLocation: false, seedByDefault: false);
        if (backend is not LocationBackend.Cluster cluster)
        {
            return new ShellSession(server, token, output);
        }
        var member = ClusterMember.Start(cluster.Settings, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        try
        {
            await member.JoinAsync(joinTimeout, cancellationToken);
            return new ShellSession(member, token, output);
        }
        catch
        {
            await member.DisposeAsync();
            throw;
        }
    }

    /// <summary>Line editing and history at a terminal; plain lines from a pipe, so tests can drive the shell.</summary>
    private static IShellInput Input(ShellOutput output) =>
        Console.IsInputRedirected || Console.IsOutputRedirected
            ? new PipedInput(Console.In)
            : new LineEditor(output, new ShellHistory(ShellHistory.DefaultFile));

    /// <summary>--location, else $CSW_LOCATION, else none (embedded); false, with a message, when the variable is not an address.</summary>
    private static bool TryLocation(Uri? given, out Uri? server)
    {
        server = given;
        if (given is not null || Environment.GetEnvironmentVariable(CliOptions.LocationVariable) is not { Length: > 0 } text)
        {
            return true;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out server) && server.Scheme is "http" or "https")
        {
            return true;
        }
        Console.Error.WriteLine($"${CliOptions.LocationVariable} is '{text}', not an http:// address (e.g. http://127.0.0.1:7654).");
        return false;
    }
}
