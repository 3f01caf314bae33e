using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary><c>--log-level</c> and <c>--log-format</c> of the long-running subcommands.</summary>
internal sealed class LoggingOptions
{
    private readonly Option<string> _level = new("--log-level")
    {
        Description = $"The least severe level logged ({LogLevels.Choices}; default info). Each component starts at it; csw log-level changes one while it runs.",
        DefaultValueFactory = _ => "info",
    };

    private readonly Option<string> _format = new("--log-format")
    {
        Description = "text (one line per event, the default) or json (one JSON object per event, with the component and runId as scopes).",
        DefaultValueFactory = _ => "text",
    };

    public void AddTo(System.CommandLine.Command command)
    {
        command.Options.Add(_level);
        command.Options.Add(_format);
    }

    /// <summary>The level and whether JSON was asked for; a <see cref="FormatException"/> says what is wrong.</summary>
    public (LogLevel Level, bool Json) Read(ParseResult parse)
    {
        var level = LogLevels.Parse(parse.GetValue(_level)!);
        var json = parse.GetValue(_format) switch
        {
            { } f when f.Equals("json", StringComparison.OrdinalIgnoreCase) => true,
            { } f when f.Equals("text", StringComparison.OrdinalIgnoreCase) => false,
            var f => throw new FormatException($"--log-format is text or json, not '{f}'."),
        };
        return (level, json);
    }
}
