using System.CommandLine;
using System.Net;
using Csw.Cli.Common;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        var insecure = CliOptions.Insecure();
        var hostname = new Option<string?>("--hostname") { Description = "The host name others reach this process by (default: 127.0.0.1 when bound to loopback, else the machine's name)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = $"Journal every component's commands and request ids in an SQLite file <container>.db under this directory, so that they survive a crash or restart (default: ${JournalVariable} names a PostgreSQL database, else in memory only)." };
        var command = new System.CommandLine.Command("container", "Runs the components of a container configuration, serving each one's command API, until Ctrl+C.")
        {
            config, seeds, location, token, bind, insecure, hostname, dataDir,
        };
        var operations = new OperationsOptions();
        operations.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            operations.Read(parse),
            parse.GetValue(config)!,
            LocationBackends.SeedsOrDefault(parse.GetValue(seeds)),
            parse.GetValue(location) ?? CliLocation(),
            CliOptions.TokenOrDefault(parse.GetValue(token)),
            parse.GetValue(bind)!,
            parse.GetValue(insecure),
            parse.GetValue(hostname),
            parse.GetValue(dataDir),
            cancellationToken));
        return command;
    }

    /// <summary>The environment variable holding a PostgreSQL connection string for the journal (it may hold a password, so it is never an option).</summary>
    public const string JournalVariable = "CSW_JOURNAL_POSTGRESQL";

    private static async Task<int> RunAsync(OperationsOptions.Reader operations, FileInfo file, string? seeds, Uri? locationServer, string? token, IPAddress bind, bool insecure, string? hostname, DirectoryInfo? dataDir, CancellationToken cancellationToken)
    {
        if (CliOptions.InsecureBinding(bind, token, insecure) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return ExitCodes.Usage;
        }
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
        if (operations.Problem is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ExitCodes.Usage;
        }
        using var loggerFactory = ConsoleLogging.Create(operations.LogLevel, operations.Json);
        using var telemetry = operations.StartTelemetry(config.Name, bind);
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
            var options = new ComponentOptions
            {
                LocationService = locations,
                HttpEndpoint = CommandEndpointOptions.Default.WithBindAddress(bind).WithToken(token).WithInsecure(insecure).WithLoggerFactory(loggerFactory),
                Commands = CommandServiceOptions.Default with { Token = token },
                LogLevel = operations.LogLevel,
                Crm = Crm.CrmOptions.Default with { Journal = Journal(dataDir, config.Name) },
            };
            using var app = Build(config, options, loggerFactory);
            var started = await StartAsync(app, config, where, cancellationToken);
            if (started != ExitCodes.Ok)
            {
                return started;
            }
            await PrintAsync(config, locations, where, embedded: seeds is null && locationServer is null);
            // Ctrl+C or SIGTERM (the console lifetime) stops the host, which shuts the components down.
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        finally
        {
            await LocationBackends.CloseAsync(locations);
        }
    }

    /// <summary>The container on the Generic Host, with the console lifetime: Ctrl+C and SIGTERM stop it in order.</summary>
    private static IHost Build(ContainerConfig config, ComponentOptions options, ILoggerFactory loggerFactory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddCswContainer(config, _ => options);
        var app = builder.Build();
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Console.WriteLine($"Stopping container {config.Name} ..."));
        return app;
    }

    /// <summary>Starts the host; the exit code of a start that failed, naming why.</summary>
    private static async Task<int> StartAsync(IHost app, ContainerConfig config, string where, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (ContainerConfigException e)
        {
            // The configuration read well, but names a handler class that cannot be found or used.
            await Console.Error.WriteLineAsync($"Container {config.Name} did not start: {e.JsonPath}: {e.Message}");
            return ExitCodes.StartFailed;
        }
        catch (LocationServiceException e)
        {
            await Console.Error.WriteLineAsync($"The location service ({where}) is not usable: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Container {config.Name} did not start: {e.Message}");
            return ExitCodes.StartFailed;
        }
    }

    private static async Task PrintAsync(ContainerConfig config, ILocationService locations, string where, bool embedded)
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
        if (embedded)
        {
            Console.WriteLine(LocationBackends.EmbeddedHint);
        }
        // Tests and scripts wait for this line.
        Console.WriteLine($"Container {config.Name} running {config.Components.Count} component(s); location service: {where}. Ctrl+C stops it.");
    }

    private static Crm.CrmJournal? Journal(DirectoryInfo? dataDir, string containerName) =>
        dataDir is not null
            ? Crm.CrmJournal.InDataDirectory(dataDir.FullName, containerName)
            : Environment.GetEnvironmentVariable(JournalVariable) is { Length: > 0 } connectionString ? Crm.CrmJournal.PostgreSql(connectionString) : null;

    private static Uri? CliLocation() =>
        Environment.GetEnvironmentVariable(CliOptions.LocationVariable) is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
