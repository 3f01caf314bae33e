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
    /// The command service of the component with <paramref name="prefix"/>, of the given type or,
    /// when none is given, whichever HCD or Assembly has that prefix: through its actor over
    /// Akka.Remote when <paramref name="client"/> is a cluster member, else through its HTTP endpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such component is registered; the message names registered ones close to it.</exception>
    public static async Task<ICommandService> CommandServiceAsync(Client client, Prefix prefix, ComponentType? type, string? token, CancellationToken cancellationToken) =>
        CommandServiceFactory.Make(await FindAsync(client, prefix, type, cancellationToken), CommandServiceOptions.Default with { Token = CliOptions.TokenOrDefault(token) }, client.System);

    /// <summary>
    /// The admin service of the component with <paramref name="prefix"/>, found as
    /// <see cref="CommandServiceAsync"/> finds it: over Akka.Remote in the cluster, else through the
    /// admin route of its HTTP command endpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such component is registered; the message names registered ones close to it.</exception>
    public static async Task<IAdminService> AdminServiceAsync(Client client, Prefix prefix, ComponentType? type, string? token, TimeSpan timeout, CancellationToken cancellationToken) =>
        AdminServiceFactory.Make(await FindAsync(client, prefix, type, cancellationToken), CommandServiceOptions.Default with { Token = CliOptions.TokenOrDefault(token), Timeout = timeout, FinalTimeout = timeout }, client.System);

    private static async Task<Location.Location> FindAsync(Client client, Prefix prefix, ComponentType? type, CancellationToken cancellationToken)
    {
        var kind = client.System is null ? ConnectionType.Http : ConnectionType.Pekko;
        var candidates = type is { } known ? [known] : new[] { ComponentType.HCD, ComponentType.Assembly };
        foreach (var connection in candidates.Select(t => Connection.From(new ComponentId(prefix, t), kind)))
        {
            if (await client.Locations.FindAsync(connection, cancellationToken) is { } location)
            {
                return location;
            }
        }
        throw new InvalidOperationException(await NotRegistered.DescribeAsync(client.Locations, prefix, type, kind, cancellationToken));
    }
}
