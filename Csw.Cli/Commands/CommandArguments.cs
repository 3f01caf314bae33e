using System.CommandLine;
using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Commands;

/// <summary>The arguments <c>submit</c> and <c>oneway</c> share: the target, the command, and where to find it.</summary>
internal sealed class CommandArguments
{
    private readonly Argument<string> _prefix = new("prefix") { Description = "The component to command, e.g. WFOS.blue.filter." };
    private readonly Argument<string?> _name = new("command") { Description = "The command's name, e.g. move (not needed with --json).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Argument<string[]> _parameters = new("parameters") { Description = $"Parameters as key:type=value, e.g. target:int=3 or offsets:double[arcsec]=1.5,2 (types: {ParameterArguments.Types}).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _json = new("--json") { Description = "The whole command as CSW JSON (a Setup or Observe): inline, or @file." };
    private readonly Option<string?> _type = new("--type", "-t") { Description = "hcd or assembly, when both kinds have this prefix." };
    private readonly Option<bool> _observe = new("--observe") { Description = "Send an Observe instead of a Setup." };
    private readonly Option<string> _source = new("--source") { Description = "The prefix the command comes from (default CSW.cli).", DefaultValueFactory = _ => "CSW.cli" };
    private readonly ClientOptions _client = new();

    public void AddTo(System.CommandLine.Command command)
    {
        command.Arguments.Add(_prefix);
        command.Arguments.Add(_name);
        command.Arguments.Add(_parameters);
        foreach (var option in new Option[] { _json, _type, _observe, _source })
        {
            command.Options.Add(option);
        }
        _client.AddTo(command);
    }

    /// <summary>The target and the command; a <see cref="FormatException"/> says what is wrong with them.</summary>
    public (Prefix Target, ComponentType? Type, ControlCommand Command) Read(ParseResult parse)
    {
        var target = ParsePrefix(parse.GetValue(_prefix)!, null);
        var type = ParseType(parse.GetValue(_type));
        if (parse.GetValue(_json) is { } json)
        {
            var text = json.StartsWith('@') ? File.ReadAllText(json[1..]) : json;
            try
            {
                return (target, type, CswJson.Deserialize<ControlCommand>(text));
            }
            catch (CswJsonException e)
            {
                throw new FormatException($"--json is not a CSW Setup or Observe: {e.Message}", e);
            }
        }
        var name = parse.GetValue(_name) ?? throw new FormatException("Give the command's name (or the whole command with --json).");
        var source = ParsePrefix(parse.GetValue(_source)!, "--source");
        var parameters = (parse.GetValue(_parameters) ?? []).Select(ParameterArguments.Parse).ToArray();
        ControlCommand command = parse.GetValue(_observe)
            ? new Observe(source, name).Add(parameters)
            : new Setup(source, name).Add(parameters);
        return (target, type, command);
    }

    /// <summary>The location server's client, or a member of the cluster once it has joined.</summary>
    public Task<Client> OpenAsync(ParseResult parse, CancellationToken cancellationToken) => _client.OpenAsync(parse, cancellationToken);

    public string? Token(ParseResult parse) => _client.Token(parse);

    /// <summary>The component type of <c>--type</c> (hcd or assembly), or null when not given; a <see cref="FormatException"/> otherwise.</summary>
    public static ComponentType? ParseType(string? text) => text switch
    {
        null => null,
        var t when t.Equals("hcd", StringComparison.OrdinalIgnoreCase) => ComponentType.HCD,
        var t when t.Equals("assembly", StringComparison.OrdinalIgnoreCase) => ComponentType.Assembly,
        var t => throw new FormatException($"--type is hcd or assembly, not '{t}'."),
    };

    /// <summary>The prefix <paramref name="text"/>; a <see cref="FormatException"/> says what is wrong (e.g. "unknown subsystem 'temp'") and, when given, which option it came from.</summary>
    public static Prefix ParsePrefix(string text, string? option)
    {
        try
        {
            return Prefix.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException(option is null ? e.Message : $"{option}: {e.Message}", e);
        }
    }
}
