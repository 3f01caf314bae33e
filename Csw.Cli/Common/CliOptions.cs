using System.CommandLine;

namespace Csw.Cli.Common;

/// <summary>Options that several subcommands share, defined once so they read the same everywhere.</summary>
internal static class CliOptions
{
    /// <summary>The environment variable naming the location server when <c>--location</c> is not given.</summary>
    public const string LocationVariable = "CSW_LOCATION";

    /// <summary>The environment variable holding the bearer token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "CSW_TOKEN";

    /// <summary><c>--location http://host:7654</c>: the location server to use.</summary>
    public static Option<Uri?> Location() => new("--location", "-l")
    {
        Description = $"The location server, e.g. http://127.0.0.1:7654 (default: ${LocationVariable}, else http://127.0.0.1:7654).",
        CustomParser = result => ParseHttpUri(result, "http://127.0.0.1:7654"),
    };

    /// <summary><c>--token</c>: the bearer token for location servers and command endpoints that require one.</summary>
    public static Option<string?> Token() => new("--token")
    {
        Description = $"Bearer token for endpoints that require one (default: ${TokenVariable}).",
    };

    /// <summary><c>--insecure</c>: serve an address other than loopback without a token, knowingly.</summary>
    public static Option<bool> Insecure() => new("--insecure")
    {
        Description = "Serve an address other than loopback (--bind) without a token. Anyone who reaches it can then command the components; see docs/Security.md.",
    };

    /// <summary>Why a server must not start on <paramref name="bind"/>, or null when it may (loopback, a token, or <c>--insecure</c>).</summary>
    public static string? InsecureBinding(System.Net.IPAddress bind, string? token, bool insecure) =>
        token is null && !insecure && !System.Net.IPAddress.IsLoopback(bind)
            ? $"Refusing to serve {bind} without a token: anyone who reaches that address could use it. Give --token (or ${TokenVariable}), or --insecure to serve without one knowingly."
            : null;

    /// <summary>The location server to use: the option, else the environment, else the local default port.</summary>
    public static Uri LocationOrDefault(Uri? given) =>
        given
        ?? (Environment.GetEnvironmentVariable(LocationVariable) is { Length: > 0 } fromEnvironment && Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var uri) ? uri : null)
        ?? new Uri("http://127.0.0.1:7654");

    /// <summary>The token to use: the option, else the environment, else none.</summary>
    public static string? TokenOrDefault(string? given) =>
        given ?? (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token ? token : null);

    /// <summary>An option's http:// or https:// address; an error naming the text and <paramref name="example"/> otherwise.</summary>
    public static Uri? ParseHttpUri(System.CommandLine.Parsing.ArgumentResult result, string example)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        result.AddError($"'{text}' is not an http:// address (e.g. {example}).");
        return null;
    }
}
