using Csw.Location;
using Csw.Params;

namespace Csw.Cli.Common;

/// <summary>
/// What a one-shot command says when no component has the prefix it was given: the registered
/// ones whose prefix is close (a typo), else those of the same subsystem, and where to see them all.
/// </summary>
internal static class NotRegistered
{
    /// <summary>How many components of the same subsystem are listed at most.</summary>
    private const int SameSubsystem = 5;

    /// <summary>Why <paramref name="prefix"/> was not found through <paramref name="locations"/>, and what was meant perhaps.</summary>
    public static async Task<string> DescribeAsync(ILocationService locations, Prefix prefix, ComponentType? type, CancellationToken cancellationToken)
    {
        var missing = $"No {type?.ToString() ?? "HCD or Assembly"} {prefix} with an HTTP command endpoint is registered.";
        IReadOnlyList<Location.Location> registered;
        try
        {
            registered = await locations.ListAsync(ConnectionType.Http, cancellationToken);
        }
        catch (LocationServiceException)
        {
            return missing;
        }
        var components = registered.Select(l => l.Connection.ComponentId)
            .Where(id => id.ComponentType is ComponentType.HCD or ComponentType.Assembly)
            .Distinct()
            .ToList();
        if (components.FirstOrDefault(id => id.Prefix == prefix) is { } otherType)
        {
            return $"{missing} {prefix} is registered as {otherType.ComponentType}: leave out --type, or give --type {otherType.ComponentType.ToString().ToLowerInvariant()}.";
        }
        if (components.Count == 0)
        {
            return $"{missing} No component is registered there at all: a container started without --location (or ${CliOptions.LocationVariable}) keeps its components to itself.";
        }
        var prefixes = components.Select(id => id.Prefix.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        var near = Spelling.Nearest(prefix.ToString(), prefixes);
        var hint = near.Count > 0
            ? $" Did you mean {string.Join(" or ", near)}?"
            : components.Where(id => id.Prefix.Subsystem == prefix.Subsystem).Select(id => id.Prefix.ToString()).Distinct().Order(StringComparer.Ordinal).Take(SameSubsystem).ToList() is { Count: > 0 } same
                ? $" Registered in {prefix.Subsystem}: {string.Join(", ", same)}."
                : "";
        return $"{missing}{hint} `csw location list` shows every registration.";
    }
}
