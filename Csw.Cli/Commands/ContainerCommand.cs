using System.CommandLine;
using System.Net;
using Csw.Actors;
using Csw.Cli.Common;
using Csw.Command;

using Csw.Framework;
using Csw.Location;
using Spectre.Console;

namespace Csw.Cli.Commands;

/// <summary><c>csw container config.conf</c> (or <c>.json</c>): runs the components of a container configuration until stopped.</summary>
internal static class ContainerCommand
{
    public static System.CommandLine.Command Create()
    {
        var config = new Argument<FileInfo>("config") { Description = "A container configuration (CSW's HOCON, or JSON when named .json), or a single component's for standalone mode." };
        var seeds = LocationBackends.ClusterSeeds();
        var location = CliOptions.Location();
        location.Description = "Register through this location server instead of etcd (registrations then live as long as the server).";
        var token = CliOptions.Token();
        var bind = AddressOption.Bind("The address the components' command endpoints listen on (default 127.0.0.1; 0.0.0.0 serves other machines).");
        var hostname = new Option<string?>("--hostname") { Description = "The host name others reach this process by (default: 127.0.0.1 when bound to loopback, else the machine's name)." };
        var command = new System.CommandLine.Command("container", "Runs the components of a container configuration, serving each one's command API, until Ctrl+C.")
        {
            config, seeds, location, token, bind, hostname,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(config)!,
            LocationBackends.SeedsOrDefault(parse.GetValue(seeds)),
            parse.GetValue(location) ?? CliLocation(),
            CliOptions.TokenOrDefault(parse.GetValue(token)),
            parse.GetValue(bind)!,
            parse.GetValue(hostname),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string? seeds, Uri? locationServer, string? token, IPAddress bind, string? hostname, CancellationToken cancellationToken)
    {
        using var signal = new ShutdownSignal(cancellationToken);
        ContainerConfig config;
        try
        {
            config = await ContainerConfig.LoadAsync(file.FullName, cancellationToken);
        }
        catch (ContainerConfigException e)
        {
            // A syntax error's message names the line and column; its path would only say "$".
            await Console.Error.WriteLineAsync(e.JsonPath == "$" ? $"Invalid configuration: {e.Message}" : $"Invalid configuration at {e.JsonPath}: {e.Message}");
            return ExitCodes.Usage;
        }
        using var loggerFactory = ConsoleLogging.Create();
        var host = hostname ?? (IPAddress.IsLoopback(bind) ? "127.0.0.1" : Dns.GetHostName());
        ILocationService locations;
        string where;
        try
        {
            (locations, where) = LocationBackends.Open(seeds, locationServer, token, host, loggerFactory);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        try
        {
            // An actor system's name takes letters, digits, '-' and '_' only; a standalone container is named after its prefix.
            var systemName = new string([.. config.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
            await using var system = ActorSystem.Create(systemName, new ActorSystemOptions { LoggerFactory = loggerFactory });
            var options = new ComponentOptions
            {
                LocationService = locations,
                HttpEndpoint = CommandEndpointOptions.Default.WithBindAddress(bind).WithToken(token).WithLoggerFactory(loggerFactory),
                Commands = CommandServiceOptions.Default with { Token = token },
            };
            Framework.Container container;
            try
            {
                container = await Framework.Container.StartAsync(system, config, options, cancellationToken);
            }
            catch (ContainerConfigException e)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration at {e.JsonPath}: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (LocationServiceException e)
            {
                await Console.Error.WriteLineAsync($"The location service ({where}) is not usable: {e.Message}");
                return ExitCodes.Unavailable;
            }
            await using (container)
            {
                var startup = TimeSpan.FromTicks(config.Components.Max(component => component.InitializeTimeout.Ticks) * 2) + TimeSpan.FromSeconds(10);
                try
                {
                    await container.WaitUntilRunningAsync(startup, cancellationToken);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                {
                    await Console.Error.WriteLineAsync($"Container {config.Name} did not start: {e.Message}");
                    return ExitCodes.StartFailed;
                }
                await PrintAsync(config, locations, where);
                await signal.Requested;
                Console.WriteLine($"Stopping container {config.Name} ...");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            await LocationBackends.CloseAsync(locations);
        }
    }

    private static async Task PrintAsync(ContainerConfig config, ILocationService locations, string where)
    {
        var rows = new List<string[]>();
        foreach (var component in config.Components)
        {
            // Components register just after they report Running.
            var http = component.LocationServiceUsage == LocationServiceUsage.DoNotRegister
                ? null
                : await locations.ResolveAsync(Connection.Http(new Params.ComponentId(component.Prefix, component.ComponentType)), TimeSpan.FromSeconds(5));
            rows.Add([component.Prefix.ToString(), component.ComponentType.ToString(), http?.Uri.ToString() ?? "-"]);
        }
        Printer.Table(AnsiConsole.Console, ["component", "type", "command endpoint"], rows);
        // Tests and scripts wait for this line.
        Console.WriteLine($"Container {config.Name} running {config.Components.Count} component(s); location service: {where}. Ctrl+C stops it.");
    }

    private static Uri? CliLocation() =>
        Environment.GetEnvironmentVariable(CliOptions.LocationVariable) is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
