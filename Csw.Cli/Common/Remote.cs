using Csw.Command;
using Csw.Location;
using Csw.Params;

namespace Csw.Cli.Common;

/// <summary>Reaching servers and components from a one-shot command.</summary>
internal static class Remote
{
    /// <summary>The location server's client.</summary>
    public static ILocationService Locations(Uri? location, string? token) =>
        LocationServiceFactory.CreateHttpClient(CliOptions.LocationOrDefault(location), LocationClientOptions.Default.WithToken(CliOptions.TokenOrDefault(token)));

    /// <summary>
    /// The command service of the component with <paramref name="prefix"/>: its HTTP connection,
    /// of the given type or, when none is given, whichever HCD or Assembly has that prefix.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such component is registered with an HTTP endpoint; the message names registered ones close to it.</exception>
    public static async Task<ICommandService> CommandServiceAsync(ILocationService locations, Prefix prefix, ComponentType? type, string? token, CancellationToken cancellationToken)
    {
        var candidates = type is { } known
            ? [Connection.Http(new ComponentId(prefix, known))]
            : new[] { ComponentType.HCD, ComponentType.Assembly }.Select(t => (Connection)Connection.Http(new ComponentId(prefix, t)));
        foreach (var connection in candidates)
        {
            if (await locations.FindAsync(connection, cancellationToken) is { } location)
            {
                return CommandServiceFactory.Make(location, CommandServiceOptions.Default with { Token = CliOptions.TokenOrDefault(token) });
            }
        }
        throw new InvalidOperationException(await NotRegistered.DescribeAsync(locations, prefix, type, cancellationToken));
    }
}
