using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Akka.Configuration;
using Csw.Location.Internal.Cluster;

namespace Csw.Location;

/// <summary>
/// How a process joins the CSW cluster (CSW's <c>ClusterSettings</c>): the address others reach it
/// at, the seed members, and the failure detector and split-brain resolver that remove a crashed
/// member, with its registrations, within 5 s. Immutable: change it with <c>with</c> or the
/// <c>With...</c> methods. <see cref="ToConfig"/> gives the Akka configuration to create the
/// member's <c>ActorSystem</c> with (named <see cref="SystemName"/>), which
/// <see cref="LocationServiceFactory.CreateCluster"/> then uses.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>CSW's cluster port.</summary>
    public const int DefaultPort = 3552;

    /// <summary>The actor system name every member shares (Akka joins only systems of the same name).</summary>
    public const string DefaultSystemName = "csw-system";

    /// <summary>The environment variable listing the seeds, <c>host:port,host:port</c>, as in CSW.</summary>
    public const string SeedsVariable = "CLUSTER_SEEDS";

    /// <summary>The environment variable naming the network interface whose address members see, as in CSW.</summary>
    public const string InterfaceVariable = "INTERFACE_NAME";

    /// <summary>The environment variable giving the cluster port.</summary>
    public const string PortVariable = "CLUSTER_PORT";

    /// <summary>The defaults: 127.0.0.1:3552, no seeds (a cluster of its own), heartbeats every 0.5 s.</summary>
    public static ClusterSettings Default { get; } = new();

    /// <summary>The actor system's name; <see cref="DefaultSystemName"/> unless a separate cluster is wanted.</summary>
    public string SystemName { get; init; } = DefaultSystemName;

    /// <summary>
    /// The host name or address this member listens on and others reach it at; <c>127.0.0.1</c> by
    /// default, so that only this machine can join. Give the machine's address to form a cluster across machines.
    /// </summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The cluster (Akka.Remote) port; <see cref="DefaultPort"/> by default, 0 for any free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The seed members to join through, tried in turn; empty: this member starts a cluster of its
    /// own (and the others list it as a seed). A seed listing itself first starts the cluster when no other seed answers.
    /// </summary>
    public IReadOnlyList<DnsEndPoint> Seeds { get; init; } = [];

    /// <summary>How often members send each other heartbeats; 0.5 s by default.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long heartbeats may stop before the failure detector calls a member unreachable; 1.5 s
    /// by default, so that a crashed member is unreachable about 2.5 s after it died.
    /// </summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How long membership must be stable (no change in reachability) before the split-brain
    /// resolver downs the unreachable side (keep-oldest); 0.5 s by default. The resolver decides
    /// once a second, so a crashed member is downed 0.5 to 1.5 s after it became unreachable.
    /// </summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Settings from the environment, as CSW reads them: the seeds from <c>CLUSTER_SEEDS</c>, the
    /// address of the network interface named by <c>INTERFACE_NAME</c>, the port from <c>CLUSTER_PORT</c>;
    /// the defaults for what is unset.
    /// </summary>
    /// <exception cref="FormatException">A seed is not host:port, or the port is not a number from 0 to 65535.</exception>
    /// <exception cref="ArgumentException">No network interface has that name, or it has no IPv4 address.</exception>
    public static ClusterSettings FromEnvironment()
    {
        var settings = Default;
        if (Environment.GetEnvironmentVariable(SeedsVariable) is { Length: > 0 } seeds)
        {
            settings = settings.WithSeeds(seeds);
        }
        if (Environment.GetEnvironmentVariable(InterfaceVariable) is { Length: > 0 } name)
        {
            settings = settings.WithHostname(AddressOfInterface(name));
        }
        if (Environment.GetEnvironmentVariable(PortVariable) is { Length: > 0 } port)
        {
            settings = settings.WithPort(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535
                ? number
                : throw new FormatException($"{PortVariable}='{port}' is not a port (0 to 65535)."));
        }
        return settings;
    }

    /// <summary>
    /// Reads a seed list, <c>host:port,host:port</c> (commas or spaces between entries; <c>[::1]:3552</c> for IPv6).
    /// </summary>
    /// <param name="seeds">The list, e.g. the value of <c>CLUSTER_SEEDS</c>.</param>
    /// <exception cref="FormatException">An entry is not host:port; the message names it.</exception>
    public static IReadOnlyList<DnsEndPoint> ParseSeeds(string seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return [.. seeds.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SeedList.ParseEntry)];
    }

    /// <summary>The IPv4 address of a network interface, as CSW picks it from <c>INTERFACE_NAME</c>.</summary>
    /// <param name="interfaceName">The interface, e.g. <c>eth0</c>.</param>
    /// <exception cref="ArgumentException">No interface has that name, or it has no IPv4 address.</exception>
    public static string AddressOfInterface(string interfaceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interfaceName);
        var found = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(i => i.Name == interfaceName)
            ?? throw new ArgumentException($"There is no network interface '{interfaceName}' ({InterfaceVariable}).", nameof(interfaceName));
        return found.GetIPProperties().UnicastAddresses.FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork)?.Address.ToString()
            ?? throw new ArgumentException($"The network interface '{interfaceName}' has no IPv4 address.", nameof(interfaceName));
    }

    /// <summary>These settings with <see cref="Hostname"/> set.</summary>
    /// <param name="hostname">The host name or address.</param>
    public ClusterSettings WithHostname(string hostname) =>
        this with { Hostname = string.IsNullOrWhiteSpace(hostname) ? throw new ArgumentException("A host name is not empty.", nameof(hostname)) : hostname };

    /// <summary>These settings with <see cref="Port"/> set.</summary>
    /// <param name="port">0 to 65535; 0 for any free port.</param>
    public ClusterSettings WithPort(int port) =>
        this with { Port = port is >= 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(nameof(port), port, "A port is from 0 to 65535.") };

    /// <summary>These settings with <see cref="Seeds"/> set.</summary>
    /// <param name="seeds">The seeds.</param>
    public ClusterSettings WithSeeds(IEnumerable<DnsEndPoint> seeds) => this with { Seeds = [.. seeds ?? throw new ArgumentNullException(nameof(seeds))] };

    /// <summary>These settings with the seeds read from <c>host:port,host:port</c>.</summary>
    /// <param name="seeds">The list.</param>
    /// <exception cref="FormatException">An entry is not host:port; the message names it.</exception>
    public ClusterSettings WithSeeds(string seeds) => this with { Seeds = ParseSeeds(seeds) };

    /// <summary>These settings with another failure detector: heartbeat interval and acceptable pause.</summary>
    /// <param name="heartbeatInterval">More than zero.</param>
    /// <param name="acceptableHeartbeatPause">At least the heartbeat interval.</param>
    public ClusterSettings WithFailureDetector(TimeSpan heartbeatInterval, TimeSpan acceptableHeartbeatPause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptableHeartbeatPause, heartbeatInterval);
        return this with { HeartbeatInterval = heartbeatInterval, AcceptableHeartbeatPause = acceptableHeartbeatPause };
    }

    /// <summary>These settings with another split-brain resolver <see cref="StableAfter"/>.</summary>
    /// <param name="stableAfter">More than zero.</param>
    public ClusterSettings WithStableAfter(TimeSpan stableAfter) =>
        this with { StableAfter = stableAfter > TimeSpan.Zero ? stableAfter : throw new ArgumentOutOfRangeException(nameof(stableAfter), stableAfter, "More than zero.") };

    /// <summary>
    /// The Akka configuration of a cluster member with these settings: the cluster provider, remoting
    /// on <see cref="Hostname"/>:<see cref="Port"/>, the seeds, the failure detector, the split-brain
    /// resolver (keep-oldest), Distributed Data's timings and the location serializer. Combine it with
    /// your own as the fallback (<c>yours.WithFallback(settings.ToConfig())</c>).
    /// </summary>
    public Config ToConfig() => ClusterConfig.For(this);

    /// <summary>The seeds as Akka addresses, <c>akka.tcp://csw-system@host:port</c>.</summary>
    public IReadOnlyList<string> SeedAddresses() =>
        [.. Seeds.Select(seed => $"akka.tcp://{SystemName}@{SeedList.HostForUri(seed.Host)}:{seed.Port.ToString(CultureInfo.InvariantCulture)}")];
}
