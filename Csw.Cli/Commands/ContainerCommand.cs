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
        var seeds = ClusterOptions.Seeds($"Join the cluster through these seeds (csw location-server processes), host:port,host:port (default: ${ClusterSettings.SeedsVariable}). The components then register there and other members command them over Akka.Remote.");
        var clusterPort = ClusterOptions.Port(0);
        var etcd = LocationBackends.Etcd();
        var location = CliOptions.Location();
        location.Description = $"Register through this location server instead (default: ${CliOptions.LocationVariable} when ${ClusterSettings.SeedsVariable} is unset); registrations then live as long as the server.";
        var token = CliOptions.Token();
        var bind = AddressOption.Bind("The address the components' command endpoints listen on (default 127.0.0.1; 0.0.0.0 serves other machines).");
        var insecure = CliOptions.Insecure();
        var hostname = ClusterOptions.Hostname($"The address others reach this process at, in the cluster and at its command endpoints (default: ${ClusterSettings.InterfaceVariable}'s address, else 127.0.0.1 when bound to loopback, else the machine's name).");
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = $"Journal every component's commands and request ids in an SQLite file <container>.db under this directory, so that they survive a crash or restart (default: ${JournalVariable} names a PostgreSQL database, else in memory only)." };
        var command = new System.CommandLine.Command("container", "Runs the components of a container configuration, serving each one's command API, until Ctrl+C.")
        {
            config, seeds, clusterPort, etcd, location, token, bind, insecure, hostname, dataDir,
        };
        var operations = new OperationsOptions();
        operations.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (secret, backend, refused) = await ServerStart.CheckAsync(parse.GetValue(bind)!, parse.GetValue(token), parse.GetValue(insecure), () =>
                LocationBackend.Choose(parse.GetValue(seeds), parse.GetValue(etcd), parse.GetValue(location), ClusterOptions.PortOrEnvironment(parse.GetValue(clusterPort), 0), parse.GetValue(hostname), environmentLocation: true, seedByDefault: false));
            if (refused is { } usage)
            {
                return usage;
            }
            var endpoint = new Endpoint(parse.GetValue(bind)!, ClusterOptions.HttpHostname(parse.GetValue(hostname), parse.GetValue(bind)!), secret, parse.GetValue(insecure));
            return await RunAsync(parse.GetValue(config)!, backend, endpoint, operations.Read(parse), parse.GetValue(dataDir), cancellationToken);
        });
        return command;
    }

    /// <summary>The environment variable holding a PostgreSQL connection string for the journal (it may hold a password, so it is never an option).</summary>
    public const string JournalVariable = "CSW_JOURNAL_POSTGRESQL";

    /// <summary>Where the components' command endpoints listen, the host name they register, and their token.</summary>
    private sealed record Endpoint(IPAddress Bind, string Hostname, string? Token, bool Insecure);

    private static async Task<int> RunAsync(FileInfo file, LocationBackend backend, Endpoint endpoint, OperationsOptions.Reader operations, DirectoryInfo? dataDir, CancellationToken cancellationToken)
    {
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
        using var telemetry = operations.StartTelemetry(config.Name, endpoint.Bind);
        var options = new ComponentOptions
        {
            HttpEndpoint = CommandEndpointOptions.Default.WithBindAddress(endpoint.Bind).WithToken(endpoint.Token).WithInsecure(endpoint.Insecure).WithLoggerFactory(loggerFactory),
            Commands = CommandServiceOptions.Default with { Token = endpoint.Token },
            LogLevel = operations.LogLevel,
            Crm = Crm.CrmOptions.Default with { Journal = Journal(dataDir, config.Name) },
        };
        if (backend is LocationBackend.Cluster cluster)
        {
            var locations = LocationServiceOptions.Default.WithHostname(endpoint.Hostname).WithLoggerFactory(loggerFactory);
            using var member = ContainerHost.BuildMember(config, cluster.Settings, options, locations, loggerFactory);
            if (cluster.Settings.Seeds.Count > 0)
            {
                Console.WriteLine($"Joining the cluster through the seeds {ClusterOptions.Describe(cluster.Settings)} ...");
            }
            return await ContainerHost.RunAsync(member, config, () => member.Services.GetRequiredService<ILocationService>(), () => LocationBackends.DescribeCluster(ContainerHost.Address(member), cluster.Settings), embedded: false, cancellationToken);
        }
        var (service, where) = LocationBackends.Open(backend, endpoint.Token, endpoint.Hostname, loggerFactory);
        try
        {
            if (backend is LocationBackend.Server && await WaitForServerAsync(service, where, cancellationToken) is { } stopped)
            {
                return stopped;
            }
            using var app = ContainerHost.Build(config, options with { LocationService = service }, loggerFactory);
            return await ContainerHost.RunAsync(app, config, () => service, () => where, embedded: backend is LocationBackend.Embedded, cancellationToken);
        }
        finally
        {
            await LocationBackends.CloseAsync(service);
        }
    }

    /// <summary>
    /// Waits until the location server answers (it may start after the container): null then, else the
    /// exit code of a server that refused (a wrong token, say) or of a stop (Ctrl+C, SIGTERM) meanwhile.
    /// </summary>
    private static async Task<int?> WaitForServerAsync(ILocationService server, string where, CancellationToken cancellationToken)
    {
        using var stopping = new CancellationTokenSource();
        using var signal = new ShutdownSignal(cancellationToken);
        _ = signal.Requested.ContinueWith(_ => stopping.Cancel(), TaskScheduler.Default);
        try
        {
            await ServerWait.UntilAnswersAsync(server, stopping.Token);
            return null;
        }
        catch (LocationServiceException e)
        {
            await Console.Error.WriteLineAsync($"The location service ({where}) is not usable: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    private static Crm.CrmJournal? Journal(DirectoryInfo? dataDir, string containerName) =>
        dataDir is not null
            ? Crm.CrmJournal.InDataDirectory(dataDir.FullName, containerName)
            : Environment.GetEnvironmentVariable(JournalVariable) is { Length: > 0 } connectionString ? Crm.CrmJournal.PostgreSql(connectionString) : null;
}
