namespace Csw.Location.Internal;

/// <summary>The listings' filters, the same for every backend that lists by reading everything.</summary>
internal static class LocationFilters
{
    public static Func<Location, bool> Of(Params.ComponentType componentType) =>
        location => location.Connection.ComponentId.ComponentType == componentType;

    public static Func<Location, bool> Of(ConnectionType connectionType) =>
        location => location.Connection.ConnectionType == connectionType;

    public static Func<Location, bool> OnHost(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        return location => location.Uri.IsAbsoluteUri && string.Equals(location.Uri.Host, hostname, StringComparison.OrdinalIgnoreCase);
    }

    public static Func<Location, bool> WithPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return location => location.Prefix.ToString().StartsWith(prefix, StringComparison.Ordinal);
    }
}
