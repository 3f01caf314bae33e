using System.CommandLine;
using System.Net;

namespace Csw.Cli.Common;

/// <summary><c>--bind</c>: the address a server listens on, loopback unless told otherwise.</summary>
internal static class AddressOption
{
    public static Option<IPAddress> Bind(string description) => new("--bind")
    {
        Description = description,
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (IPAddress.TryParse(text, out var address))
            {
                return address;
            }
            result.AddError($"'{text}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).");
            return IPAddress.Loopback;
        },
    };
}
