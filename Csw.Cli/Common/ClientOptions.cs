using System.CommandLine;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>
/// How a one-shot command reaches the components: through a location server's HTTP API (the
/// default, <c>--location</c>), or as a member of the cluster (<c>--cluster-seeds</c>), which
/// commands them over Akka.Remote. One set per subcommand.
/// </summary>
internal sealed class ClientOptions
{
    private readonly Option<Uri?> _location = CliOptions.Location();

    private readonly Option<string?> _token = CliOptions.Token();

    private readonly Option<string?> _seeds = ClusterOptions.Seeds($"Join the cluster through these seeds, host:port,host:port (default: ${ClusterSettings.SeedsVariable} unless --location is given), instead of using a location server, and command components over Akka.Remote (joining takes a few seconds).");

    private readonly Option<string?> _hostname = ClusterOptions.Hostname($"With --cluster-seeds: the address the cluster's members reach this process at (default: ${ClusterSettings.InterfaceVariable}'s address, else 127.0.0.1).");

    private readonly Option<double> _joinTimeout = ClusterOptions.JoinTimeout();

    /// <summary>Adds the options to <paramref name="command"/>; all but <c>--hostname</c> when the command has its own (<c>location list</c>).</summary>
    public void AddTo(System.CommandLine.Command command)
    {
        foreach (var option in new Option[] { _location, _token, _seeds, _hostname, _joinTimeout }.Where(option => !command.Options.Any(mine => mine.Name == option.Name)))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The token given, else <c>$CSW_TOKEN</c>.</summary>
    public string? Token(ParseResult parse) => CliOptions.TokenOrDefault(parse.GetValue(_token));

    /// <summary>Opens the location service: the location server's client, or a new member of the cluster once it has joined.</summary>
    /// <exception cref="FormatException">Both --location and --cluster-seeds, or seeds that are not host:port.</exception>
    /// <exception cref="TimeoutException">No seed let this process in within --join-timeout.</exception>
    public async Task<Client> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var location = parse.GetValue(_location);
        if (parse.GetValue(_seeds) is { } && location is not null)
        {
            throw new FormatException("Give one of --cluster-seeds, --location: the cluster, or a location server.");
        }
        // $CLUSTER_SEEDS as the containers and the shell read it, unless a location server is named.
        if ((location is null ? ClusterOptions.SeedsOrEnvironment(parse.GetValue(_seeds)) : null) is not { } seeds)
        {
            return new Client(Remote.Locations(location, parse.GetValue(_token)), null, null);
        }
        var settings = ClusterOptions.Settings(seeds, 0, parse.CommandResult.Command.Options.Contains(_hostname) ? parse.GetValue(_hostname) : null);
        // A one-shot says only what goes wrong, on standard error.
        var logging = ConsoleLogging.Create(LogLevel.Warning);
        var member = ClusterMember.Start(settings, logging);
        try
        {
            await member.JoinAsync(TimeSpan.FromSeconds(parse.GetValue(_joinTimeout)), cancellationToken);
            return new Client(member.Locations(settings.Hostname, logging), member, logging);
        }
        catch
        {
            await member.DisposeAsync();
            logging.Dispose();
            throw;
        }
    }
}
