using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Csw.Cli.Common;
using Csw.Framework;
using Csw.Location;

namespace Csw.Cli.Commands;

/// <summary>
/// <c>csw host host.conf</c> (or <c>.json</c>): starts each container of a host configuration (CSW's host config)
/// as its own <c>csw container</c> process, prefixes their output with the container's file name,
/// and stops them all on Ctrl+C.
/// </summary>
internal static partial class HostCommand
{
    public static System.CommandLine.Command Create()
    {
        var config = new Argument<FileInfo>("config") { Description = "A host configuration, CSW's HOCON (containers = [{configFilePath = \"...\", configFileLocation = Local}]) or JSON when named .json ({\"containers\": [{\"mode\": \"Container\", \"configFilePath\": \"...\"}]})." };
        var seeds = ClusterOptions.Seeds($"The containers join the cluster through these seeds, host:port,host:port (default: ${ClusterSettings.SeedsVariable}).");
        var etcd = LocationBackends.Etcd();
        var location = CliOptions.Location();
        var token = CliOptions.Token();
        var bind = AddressOption.Bind("The address the components' command endpoints listen on (default 127.0.0.1).");
        var insecure = CliOptions.Insecure();
        var hostname = ClusterOptions.Hostname($"The address others reach the containers at (default: ${ClusterSettings.InterfaceVariable}'s address, else 127.0.0.1 when bound to loopback, else the machine's name).");
        var command = new System.CommandLine.Command("host", "Starts every container of a host configuration as a separate process, until Ctrl+C.") { config, seeds, etcd, location, token, bind, insecure, hostname };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<string> files;
            try
            {
                files = await ReadAsync(parse.GetValue(config)!, cancellationToken);
            }
            catch (ContainerConfigException e)
            {
                await Console.Error.WriteLineAsync(e.JsonPath == "$" ? $"Invalid host configuration: {e.Message}" : $"Invalid host configuration at {e.JsonPath}: {e.Message}");
                return ExitCodes.Usage;
            }
            var secret = CliOptions.TokenOrDefault(parse.GetValue(token));
            if (CliOptions.InsecureBinding(parse.GetValue(bind)!, secret, parse.GetValue(insecure)) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return ExitCodes.Usage;
            }
            try
            {
                // Checked here once, rather than by each container.
                _ = LocationBackend.Choose(parse.GetValue(seeds), parse.GetValue(etcd), parse.GetValue(location), 0, parse.GetValue(hostname), environmentLocation: true, seedByDefault: false);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            return await RunAsync(files, Forwarded(parse, seeds, etcd, location, bind, insecure, hostname), secret, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The options each container gets: those given to the host (the environment, with
    /// <c>CLUSTER_SEEDS</c>, is inherited), and any free cluster port, since they share the machine.
    /// </summary>
    private static List<string> Forwarded(ParseResult parse, Option<string?> seeds, Option<string?> etcd, Option<Uri?> location, Option<System.Net.IPAddress> bind, Option<bool> insecure, Option<string?> hostname)
    {
        var forwarded = new List<string> { "--bind", parse.GetValue(bind)!.ToString(), "--cluster-port", "0" };
        if (parse.GetValue(insecure))
        {
            forwarded.Add("--insecure");
        }
        foreach (var (option, value) in new[] { ("--cluster-seeds", parse.GetValue(seeds)), ("--etcd", parse.GetValue(etcd)), ("--location", parse.GetValue(location)?.ToString()), ("--hostname", parse.GetValue(hostname)) })
        {
            if (value is not null)
            {
                forwarded.AddRange([option, value]);
            }
        }
        return forwarded;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> files, List<string> forwarded, string? token, CancellationToken cancellationToken)
    {
        using var signal = new ShutdownSignal(cancellationToken);
        var children = files.Select(file => Start(file, forwarded, token)).ToList();
        var allExited = Task.WhenAll(children.Select(child => child.WaitForExitAsync()));
        await Task.WhenAny(allExited, signal.Requested);
        foreach (var child in children.Where(child => !child.HasExited))
        {
            // SIGTERM: each container shuts its components down and unregisters them.
            _ = Kill(child.Id, 15);
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await allExited.WaitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            children.Where(child => !child.HasExited).ToList().ForEach(child => child.Kill());
        }
        var failed = children.Count(child => child.HasExited && child.ExitCode != 0);
        Console.WriteLine($"Host stopped; {children.Count - failed} of {children.Count} containers exited cleanly.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.StartFailed;
    }

    private static Process Start(string file, List<string> forwarded, string? token)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var process = Process.Start(StartInfo(file, forwarded, token)) ?? throw new InvalidOperationException($"Cannot start a container process for {file}.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) Console.WriteLine($"[{name}] {line.Data}"); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[{name}] {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.WriteLine($"Started container {name} (pid {process.Id}) from {file}.");
        return process;
    }

    /// <summary>
    /// How a container process is started: this same csw, with the forwarded options. The token goes
    /// in the child's environment, never on its command line, where every user of the machine can read it.
    /// </summary>
    internal static ProcessStartInfo StartInfo(string file, List<string> forwarded, string? token)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run this same csw: the apphost directly, or 'dotnet csw.dll'.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.FileName = Environment.ProcessPath!;
            start.ArgumentList.Add(typeof(HostCommand).Assembly.Location);
        }
        else
        {
            start.FileName = Environment.ProcessPath!;
        }
        start.ArgumentList.Add("container");
        start.ArgumentList.Add(file);
        forwarded.ForEach(start.ArgumentList.Add);
        if (token is not null)
        {
            start.Environment[CliOptions.TokenVariable] = token;
        }
        return start;
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(FileInfo config, CancellationToken cancellationToken)
    {
        var files = (await HostConfig.LoadAsync(config.FullName, cancellationToken)).ContainerConfigFiles;
        var missing = files.Select((file, i) => (file, i)).FirstOrDefault(entry => !File.Exists(entry.file));
        return missing.file is null ? files : throw new ContainerConfigException($"{config.FullName}: no file {missing.file}.", $"$.containers[{missing.i}].configFilePath");
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
