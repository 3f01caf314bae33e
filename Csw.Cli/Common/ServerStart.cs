using System.Net;

namespace Csw.Cli.Common;

/// <summary>What a server subcommand (<c>location-server</c>, <c>container</c>) checks before it starts anything.</summary>
internal static class ServerStart
{
    /// <summary>
    /// The token to require (the option, else <c>$CSW_TOKEN</c>) and the location backend
    /// <paramref name="choose"/> picks; or, having said why on standard error, the usage exit code:
    /// an address other than loopback without a token (and no <c>--insecure</c>), or cluster options
    /// that are not valid.
    /// </summary>
    public static async Task<(string? Token, LocationBackend Backend, int? Refused)> CheckAsync(IPAddress bind, string? token, bool insecure, Func<LocationBackend> choose)
    {
        var secret = CliOptions.TokenOrDefault(token);
        if (CliOptions.InsecureBinding(bind, secret, insecure) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return (secret, null!, ExitCodes.Usage);
        }
        try
        {
            return (secret, choose(), null);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return (secret, null!, ExitCodes.Usage);
        }
    }
}
