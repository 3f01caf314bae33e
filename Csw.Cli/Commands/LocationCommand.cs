using System.CommandLine;
using Csw.Cli.Common;
using Csw.Location;
using Csw.Params;
using Spectre.Console;

namespace Csw.Cli.Commands;

/// <summary><c>csw location list|find|track</c>: looks at what is registered with a location server.</summary>
internal static class LocationCommand
{
    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("location", "Lists, finds and tracks registrations through a location server.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Find());
        command.Subcommands.Add(Track());
        return command;
    }

    private static System.CommandLine.Command List()
    {
        var type = new Option<string?>("--type", "-t") { Description = "Only this component type (hcd, assembly, container, ...)." };
        var connectionType = new Option<string?>("--connection-type", "-c") { Description = "Only this connection type (pekko, http, tcp)." };
        var prefix = new Option<string?>("--prefix") { Description = "Only prefixes starting with this (e.g. WFOS)." };
        var hostname = new Option<string?>("--hostname") { Description = "Only locations on this host." };
        var (location, token) = (CliOptions.Location(), CliOptions.Token());
        var command = new System.CommandLine.Command("list", "Lists the registered locations as a table.") { type, connectionType, prefix, hostname, location, token };
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var locations = Remote.Locations(parse.GetValue(location), parse.GetValue(token));
            try
            {
                IEnumerable<Location.Location> found = await locations.ListAsync(cancellationToken);
                if (parse.GetValue(type) is { } t)
                {
                    var componentType = ParseComponentType(t);
                    found = found.Where(l => l.Connection.ComponentId.ComponentType == componentType);
                }
                if (parse.GetValue(connectionType) is { } c)
                {
                    var kind = ParseConnectionType(c);
                    found = found.Where(l => l.Connection.ConnectionType == kind);
                }
                if (parse.GetValue(prefix) is { } p)
                {
                    found = found.Where(l => l.Prefix.ToString().StartsWith(p, StringComparison.OrdinalIgnoreCase));
                }
                if (parse.GetValue(hostname) is { } h)
                {
                    found = found.Where(l => string.Equals(l.Uri.Host, h, StringComparison.OrdinalIgnoreCase));
                }
                Printer.Locations(AnsiConsole.Console, [.. found]);
                return ExitCodes.Ok;
            }
            finally
            {
                await OneShot.CloseAsync(locations);
            }
        }));
        return command;
    }

    private static System.CommandLine.Command Find()
    {
        var (connection, type, connectionType) = ConnectionArguments();
        var (location, token) = (CliOptions.Location(), CliOptions.Token());
        var command = new System.CommandLine.Command("find", "Prints where a component is; exit code 1 when it is not registered.") { connection, type, connectionType, location, token };
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var wanted = ReadConnection(parse, connection, type, connectionType);
            var locations = Remote.Locations(parse.GetValue(location), parse.GetValue(token));
            try
            {
                if (await locations.FindAsync(wanted, cancellationToken) is not { } found)
                {
                    Console.WriteLine($"{wanted.Name} is not registered.");
                    return ExitCodes.Negative;
                }
                Console.WriteLine($"{found.Connection.Name}  {found.Uri}");
                return ExitCodes.Ok;
            }
            finally
            {
                await OneShot.CloseAsync(locations);
            }
        }));
        return command;
    }

    private static System.CommandLine.Command Track()
    {
        var (connection, type, connectionType) = ConnectionArguments();
        var (location, token) = (CliOptions.Location(), CliOptions.Token());
        var command = new System.CommandLine.Command("track", "Prints every change of a component's location, as it happens, until Ctrl+C.") { connection, type, connectionType, location, token };
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var wanted = ReadConnection(parse, connection, type, connectionType);
            var locations = Remote.Locations(parse.GetValue(location), parse.GetValue(token));
            using var signal = new ShutdownSignal(cancellationToken);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _ = signal.Requested.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
            try
            {
                Console.WriteLine($"Tracking {wanted.Name}; Ctrl+C stops.");
                await foreach (var change in locations.Track(wanted, stop.Token))
                {
                    Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff}  {Printer.Event(change)}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the operator.
            }
            finally
            {
                await OneShot.CloseAsync(locations);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (Argument<string> Connection, Option<string> Type, Option<string> ConnectionType) ConnectionArguments() =>
    (
        new Argument<string>("connection") { Description = "A connection name (WFOS.blue.filter-HCD-http) or a prefix (WFOS.blue.filter) with --type and --connection-type." },
        new Option<string>("--type", "-t") { Description = "The component type when a prefix is given (default hcd).", DefaultValueFactory = _ => "hcd" },
        new Option<string>("--connection-type", "-c") { Description = "The connection type when a prefix is given (default http).", DefaultValueFactory = _ => "http" }
    );

    private static Connection ReadConnection(ParseResult parse, Argument<string> connection, Option<string> type, Option<string> connectionType)
    {
        var text = parse.GetValue(connection)!;
        if (text.Contains('-', StringComparison.Ordinal))
        {
            return Connection.Parse(text);
        }
        var prefix = Prefix.TryParse(text, out var parsed) ? parsed
            : text.Contains('.', StringComparison.Ordinal) ? CommandArguments.ParsePrefix(text, null)
            : throw new FormatException($"'{text}' is neither a connection name (WFOS.blue.filter-HCD-http) nor a prefix (WFOS.blue.filter).");
        return Connection.From(new ComponentId(prefix, ParseComponentType(parse.GetValue(type)!)), ParseConnectionType(parse.GetValue(connectionType)!));
    }

    private static ComponentType ParseComponentType(string text) =>
        Enum.GetValues<ComponentType>().FirstOrDefault(t => t.ToString().Equals(text, StringComparison.OrdinalIgnoreCase), (ComponentType)(-1)) is var type && Enum.IsDefined(type)
            ? type
            : throw new FormatException($"'{text}' is not a component type (hcd, assembly, container, ...).");

    private static ConnectionType ParseConnectionType(string text) =>
        ConnectionTypeExtensions.TryParseConnectionType(text.ToLowerInvariant(), out var kind) ? kind : throw new FormatException($"'{text}' is not a connection type (pekko, http, tcp).");
}
