using System.Globalization;
using System.Net;

namespace Csw.Location.Internal.Cluster;

/// <summary>Reading <c>host:port</c> seed entries strictly, so that a typo fails at start instead of a member that never joins.</summary>
internal static class SeedList
{
    public static DnsEndPoint ParseEntry(string entry)
    {
        var colon = entry.LastIndexOf(':');
        var host = colon > 0 ? entry[..colon] : "";
        if (host is ['[', .., ']'])
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            host = ""; // An IPv6 address without brackets: which colon ends it is ambiguous.
        }
        var portText = colon >= 0 ? entry[(colon + 1)..] : "";
        if (host.Length == 0 || host.Any(char.IsWhiteSpace) || host.Contains('/', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal)
            || Uri.CheckHostName(host) == UriHostNameType.Unknown
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{entry}' in the cluster seeds is not host:port (e.g. 10.0.0.5:{ClusterSettings.DefaultPort.ToString(CultureInfo.InvariantCulture)}).");
        }
        return new DnsEndPoint(host, port);
    }

    /// <summary>An IPv6 address in brackets, as it goes into an Akka address.</summary>
    public static string HostForUri(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
