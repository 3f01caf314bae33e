using System.CommandLine;
using Csw.Cli.Common;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Commands;

/// <summary>
/// <c>csw location-server</c>: a seed of the cluster, serving CSW's location HTTP API over the
/// cluster's registrations (or over etcd, with <c>--etcd</c>) until stopped.
/// </summary>
internal static class LocationServerCommand
{
    public static System.CommandLine.Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = $"The HTTP port (default {LocationServerOptions.DefaultPort}; 0 for any free one).", DefaultValueFactory = _ => LocationServerOptions.DefaultPort };
        port.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("A port is between 0 and 65535.");
            }
        });
        var bind = AddressOption.Bind("The address the HTTP API listens on (default 127.0.0.1; 0.0.0.0 serves other machines).");
        var token = CliOptions.Token();
        var insecure = CliOptions.Insecure();
        token.Description = $"Require this bearer token on every request (default: ${CliOptions.TokenVariable}; none when unset).";
        var seeds = ClusterOptions.Seeds($"The cluster's seeds, host:port,host:port, this one among them (default: ${ClusterSettings.SeedsVariable}); without any, this server starts a cluster of its own, which others join with --cluster-seeds <its address>:<its cluster port>.");
        var clusterPort = ClusterOptions.Port(ClusterSettings.DefaultPort);
        var hostname = ClusterOptions.Hostname($"The address other members reach this one at (default: the IPv4 address of ${ClusterSettings.InterfaceVariable}'s interface, else 127.0.0.1).");
        var etcd = LocationBackends.Etcd();
        var command = new System.CommandLine.Command("location-server", "A seed of the cluster: serves CSW's location HTTP API (POST /post-endpoint, WebSocket /websocket-endpoint) over the cluster's registrations until Ctrl+C.")
        {
            port, bind, token, insecure, seeds, clusterPort, hostname, etcd,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (secret, backend, refused) = await ServerStart.CheckAsync(parse.GetValue(bind)!, parse.GetValue(token), parse.GetValue(insecure), () =>
                LocationBackend.Choose(parse.GetValue(seeds), parse.GetValue(etcd), null, ClusterOptions.PortOrEnvironment(parse.GetValue(clusterPort), ClusterSettings.DefaultPort), parse.GetValue(hostname), environmentLocation: false, seedByDefault: true));
            if (refused is { } usage)
            {
                return usage;
            }
            using var signal = new ShutdownSignal(cancellationToken);
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _ = signal.Requested.ContinueWith(_ => stopping.Cancel(), TaskScheduler.Default);
            using var loggerFactory = ConsoleLogging.Create();
            var options = LocationServerOptions.Default
                .WithPort(parse.GetValue(port))
                .WithBindAddress(parse.GetValue(bind)!)
                .WithToken(secret)
                .WithInsecure(parse.GetValue(insecure))
                .WithLoggerFactory(loggerFactory);
            var httpHostname = ClusterOptions.HttpHostname(parse.GetValue(hostname), parse.GetValue(bind)!);
            try
            {
                return backend is LocationBackend.Cluster cluster
                    ? await ServeClusterAsync(cluster.Settings, options, httpHostname, loggerFactory, signal, stopping.Token)
                    : await ServeAsync(LocationBackends.Open(backend, null, httpHostname, loggerFactory), options, () => Task.CompletedTask, Task.Delay(Timeout.Infinite, stopping.Token), signal, stopping.Token);
            }
            catch (ClusterPortException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Unavailable;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped while joining.
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>
    /// Serves the cluster's registrations: the HTTP port is taken at once (a port in use fails
    /// before anything else), but the server says it is listening only once this member is in the
    /// cluster, however long the seeds take.
    /// </summary>
    private static async Task<int> ServeClusterAsync(ClusterSettings settings, LocationServerOptions options, string httpHostname, ILoggerFactory loggerFactory, ShutdownSignal signal, CancellationToken stopping)
    {
        await using var member = ClusterMember.Start(settings, loggerFactory);
        Console.WriteLine(settings.Seeds.Count == 0
            ? $"Starting a cluster of its own as {member.Address}; others join with --cluster-seeds {settings.Hostname}:{member.Port} ..."
            : $"Joining the cluster as {member.Address} through the seeds {ClusterOptions.Describe(settings)} ...");
        var backend = (member.Locations(httpHostname, loggerFactory), LocationBackends.DescribeCluster(member.Address, settings));
        var served = await ServeAsync(backend, options, () => member.JoinAsync(null, stopping), member.System.WhenTerminated, signal, stopping);
        if (ClusterMember.WasDowned(member.System))
        {
            await Console.Error.WriteLineAsync(ClusterMember.DownedMessage($"This location server ({member.Address})"));
            return ExitCodes.Unavailable;
        }
        return served;
    }

    /// <summary>Serves until Ctrl+C or SIGTERM, or until <paramref name="ended"/> (the cluster member's actor system ended under it).</summary>
    private static async Task<int> ServeAsync((ILocationService Service, string Description) backend, LocationServerOptions options, Func<Task> ready, Task ended, ShutdownSignal signal, CancellationToken stopping)
    {
        try
        {
            LocationServer server;
            try
            {
                server = await LocationServer.StartAsync(backend.Service, options, stopping);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot listen on {options.BindAddress}:{options.Port}: {e.Message}");
                return ExitCodes.Unavailable;
            }
            await using (server)
            {
                await ready();
                // Tests and scripts wait for this line.
                Console.WriteLine($"Location server listening on {server.Uri}; registrations kept in: {backend.Description}. Ctrl+C stops it.");
                await Task.WhenAny(signal.Requested, ended);
                Console.WriteLine("Stopping the location server ...");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            await LocationBackends.CloseAsync(backend.Service);
        }
    }
}
