using System.CommandLine;
using System.Globalization;
using System.Net;
using Csw.Location;

namespace Csw.Cli.Common;

/// <summary>
/// The options of processes that join the Akka cluster (CSW's): the seeds, the cluster port, the
/// address others see, and, for clients, how long to wait for a seed.
/// </summary>
internal static class ClusterOptions
{
    /// <summary>Where clients look for the cluster when given no seeds: a seed on this machine, at CSW's port.</summary>
    public static readonly string LocalSeed = $"127.0.0.1:{ClusterSettings.DefaultPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>--cluster-seeds host:port,host:port</c>: the cluster's seeds (<c>csw location-server</c> processes).</summary>
    public static Option<string?> Seeds(string description) => new("--cluster-seeds") { Description = description };

    /// <summary><c>--cluster-port</c>: the port this member listens on for the cluster.</summary>
    public static Option<int?> Port(int fallback)
    {
        var port = new Option<int?>("--cluster-port")
        {
            Description = $"The port this member listens on for the cluster (default: ${ClusterSettings.PortVariable}, else {fallback}{(fallback == 0 ? ", any free one" : "")}).",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("A port is between 0 and 65535.");
            }
        });
        return port;
    }

    /// <summary><c>--hostname</c>: the address others reach this process at.</summary>
    public static Option<string?> Hostname(string description) => new("--hostname") { Description = description };

    /// <summary><c>--join-timeout</c>: how long a client waits for a seed to let it in.</summary>
    public static Option<double> JoinTimeout() => new("--join-timeout")
    {
        Description = "Seconds to wait for a seed to let this process into the cluster before giving up with exit code 3 (default 10).",
        DefaultValueFactory = _ => 10,
    };

    /// <summary>The seeds given, else <c>$CLUSTER_SEEDS</c>, else null.</summary>
    public static string? SeedsOrEnvironment(string? given) =>
        given ?? (Environment.GetEnvironmentVariable(ClusterSettings.SeedsVariable) is { Length: > 0 } seeds ? seeds : null);

    /// <summary>The port given, else <c>$CLUSTER_PORT</c>, else <paramref name="fallback"/>.</summary>
    /// <exception cref="FormatException"><c>CLUSTER_PORT</c> is not a port.</exception>
    public static int PortOrEnvironment(int? given, int fallback)
    {
        if (given is { } port)
        {
            return port;
        }
        if (Environment.GetEnvironmentVariable(ClusterSettings.PortVariable) is not { Length: > 0 } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535
            ? number
            : throw new FormatException($"{ClusterSettings.PortVariable}='{text}' is not a port (0 to 65535).");
    }

    /// <summary>
    /// The address this member is seen at: <paramref name="hostname"/>, else the IPv4 address of
    /// the network interface <c>$INTERFACE_NAME</c> names (as CSW), else 127.0.0.1.
    /// </summary>
    /// <exception cref="FormatException"><c>INTERFACE_NAME</c> names no interface with an IPv4 address.</exception>
    public static string ClusterHostname(string? hostname)
    {
        if (hostname is not null)
        {
            return hostname;
        }
        if (Environment.GetEnvironmentVariable(ClusterSettings.InterfaceVariable) is not { Length: > 0 } name)
        {
            return "127.0.0.1";
        }
        try
        {
            return ClusterSettings.AddressOfInterface(name);
        }
        catch (ArgumentException e)
        {
            throw ClusterOptions.Usage(e);
        }
    }

    /// <summary>
    /// The host name HTTP endpoints bound to <paramref name="bind"/> register: <paramref name="hostname"/>;
    /// else 127.0.0.1 on loopback; else <c>$INTERFACE_NAME</c>'s address or the machine's name.
    /// </summary>
    public static string HttpHostname(string? hostname, IPAddress bind) =>
        hostname ?? (IPAddress.IsLoopback(bind) ? "127.0.0.1"
            : Environment.GetEnvironmentVariable(ClusterSettings.InterfaceVariable) is { Length: > 0 } ? ClusterHostname(null)
            : Dns.GetHostName());

    /// <summary>The settings of a member: the seeds read strictly (a bad entry is named), its port and address.</summary>
    /// <exception cref="FormatException">A seed is not host:port, or the address cannot be found; the message says which.</exception>
    public static ClusterSettings Settings(string? seeds, int port, string? hostname) =>
        ClusterSettings.Default
            .WithSeeds(seeds is null ? [] : ClusterSettings.ParseSeeds(seeds))
            .WithPort(port)
            .WithHostname(ClusterHostname(hostname));

    /// <summary>The seeds as the operator gave them: <c>127.0.0.1:3552, 127.0.0.1:3553</c>.</summary>
    public static string Describe(ClusterSettings settings) =>
        settings.Seeds.Count == 0 ? "none (a cluster of its own)" : string.Join(", ", settings.Seeds.Select(seed => $"{seed.Host}:{seed.Port.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>A usage error from an argument the library refused, without .NET's " (Parameter 'x')" suffix, which names no option of csw.</summary>
    public static FormatException Usage(ArgumentException refused) =>
        new(refused.ParamName is { } name ? refused.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : refused.Message, refused);
}
