using System.CommandLine;
using Csw.Cli.Common;
using Csw.Location;

namespace Csw.Cli.Commands;

/// <summary><c>csw location-server</c>: serves CSW's location HTTP API (a seed node) until stopped.</summary>
internal static class LocationServerCommand
{
    public static System.CommandLine.Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = $"The port (default {LocationServerOptions.DefaultPort}; 0 for any free one).", DefaultValueFactory = _ => LocationServerOptions.DefaultPort };
        port.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("A port is between 0 and 65535.");
            }
        });
        var bind = AddressOption.Bind("The address to listen on (default 127.0.0.1; 0.0.0.0 serves other machines).");
        var token = CliOptions.Token();
        var insecure = CliOptions.Insecure();
        token.Description = $"Require this bearer token on every request (default: ${CliOptions.TokenVariable}; none when unset).";
        var seeds = LocationBackends.ClusterSeeds();
        seeds.Description = $"The etcd members to keep the registrations in, as host:port,host:port (default: ${LocationBackends.ClusterSeedsVariable}); without them an in-memory store is used.";
        var command = new System.CommandLine.Command("location-server", "Serves CSW's location HTTP API (POST /post-endpoint, WebSocket /websocket-endpoint) until Ctrl+C: a seed node.")
        {
            port, bind, token, insecure, seeds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliOptions.InsecureBinding(parse.GetValue(bind)!, CliOptions.TokenOrDefault(parse.GetValue(token)), parse.GetValue(insecure)) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return ExitCodes.Usage;
            }
            using var signal = new ShutdownSignal(cancellationToken);
            using var loggerFactory = ConsoleLogging.Create();
            ILocationService backend;
            string where;
            try
            {
                (backend, where) = LocationBackends.Open(LocationBackends.SeedsOrDefault(parse.GetValue(seeds)), null, null, "127.0.0.1", loggerFactory);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            try
            {
                var options = LocationServerOptions.Default
                    .WithPort(parse.GetValue(port))
                    .WithBindAddress(parse.GetValue(bind)!)
                    .WithToken(CliOptions.TokenOrDefault(parse.GetValue(token)))
                    .WithInsecure(parse.GetValue(insecure))
                    .WithLoggerFactory(loggerFactory);
                LocationServer server;
                try
                {
                    server = await LocationServer.StartAsync(backend, options, cancellationToken);
                }
                catch (IOException e)
                {
                    await Console.Error.WriteLineAsync($"Cannot listen on {options.BindAddress}:{options.Port}: {e.Message}");
                    return ExitCodes.Unavailable;
                }
                await using (server)
                {
                    // Tests and scripts wait for this line.
                    Console.WriteLine($"Location server listening on {server.Uri}; registrations kept in: {(where.StartsWith("embedded", StringComparison.Ordinal) ? "memory (lost when it stops)" : where)}. Ctrl+C stops it.");
                    await signal.Requested;
                    Console.WriteLine("Stopping the location server ...");
                }
                return ExitCodes.Ok;
            }
            finally
            {
                await LocationBackends.CloseAsync(backend);
            }
        });
        return command;
    }
}
