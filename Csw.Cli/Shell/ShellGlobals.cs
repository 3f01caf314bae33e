using Csw.Actors;
using Csw.Cli.Common;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Examples;
using Spectre.Console;

namespace Csw.Cli.Shell;

/// <summary>
/// What a <c>csw shell</c> session can call without qualification, in the spirit of TMT's
/// esw-shell: find components, build commands and parameters, look at locations, and watch
/// locations and CurrentState as they change.
/// </summary>
public sealed class ShellGlobals
{
    private readonly ShellSession _session;

    internal ShellGlobals(ShellSession session) => _session = session;

    /// <summary>The location service the shell uses (embedded, or a location server's client with --location).</summary>
    public ILocationService LocationService => _session.Locations;

    /// <summary>The prefix commands built here come from.</summary>
    public Prefix Source { get; set; } = Prefix.Parse("CSW.shell");

    /// <summary>Cancelled by Ctrl+C: ends the running <see cref="Track"/> or <see cref="Subscribe"/> without leaving the shell.</summary>
    public CancellationToken Cancellation => _session.Cancellation;

    /// <summary>The command service of the HCD with this prefix, e.g. <c>await Hcd("WFOS.blue.filter")</c>.</summary>
    public Task<ICommandService> Hcd(string prefix) => _session.CommandServiceAsync(Prefix.Parse(prefix), ComponentType.HCD);

    /// <summary>The command service of the Assembly with this prefix, e.g. <c>await Assembly("WFOS.filter.assembly")</c>.</summary>
    public Task<ICommandService> Assembly(string prefix) => _session.CommandServiceAsync(Prefix.Parse(prefix), ComponentType.Assembly);

    /// <summary>A Setup from <see cref="Source"/>: <c>Setup("move", Int("target", 3))</c>.</summary>
    public Setup Setup(string commandName, params Parameter[] parameters) => new Setup(Source, commandName).Add(parameters);

    /// <summary>An Observe from <see cref="Source"/>.</summary>
    public Observe Observe(string commandName, params Parameter[] parameters) => new Observe(Source, commandName).Add(parameters);

    /// <summary>An int parameter.</summary>
    public Parameter<int> Int(string key, params int[] values) => Keys.Int(key).Set(values);

    /// <summary>A long parameter.</summary>
    public Parameter<long> Long(string key, params long[] values) => Keys.Long(key).Set(values);

    /// <summary>A float parameter.</summary>
    public Parameter<float> Float(string key, params float[] values) => Keys.Float(key).Set(values);

    /// <summary>A double parameter.</summary>
    public Parameter<double> Double(string key, params double[] values) => Keys.Double(key).Set(values);

    /// <summary>A boolean parameter.</summary>
    public Parameter<bool> Bool(string key, params bool[] values) => Keys.Boolean(key).Set(values);

    /// <summary>A string parameter.</summary>
    public Parameter<string> String(string key, params string[] values) => Keys.String(key).Set(values);

    /// <summary>Prints every registered location as a table.</summary>
    public async Task Locations() => Printer.Locations(AnsiConsole.Console, await _session.Locations.ListAsync(Cancellation));

    /// <summary>Prints every change of a component's location until Ctrl+C.</summary>
    /// <param name="prefix">The component.</param>
    /// <param name="componentType">hcd, assembly, ...</param>
    /// <param name="connectionType">http or pekko.</param>
    public async Task Track(string prefix, string componentType = "hcd", string connectionType = "http")
    {
        var type = Enum.GetValues<ComponentType>().First(t => t.ToString().Equals(componentType, StringComparison.OrdinalIgnoreCase));
        ConnectionTypeExtensions.TryParseConnectionType(connectionType.ToLowerInvariant(), out var kind);
        var connection = Connection.From(new ComponentId(Prefix.Parse(prefix), type), kind);
        Console.WriteLine($"Tracking {connection.Name}; Ctrl+C stops.");
        await Until(async token =>
        {
            await foreach (var change in _session.Locations.Track(connection, token))
            {
                Console.WriteLine(Printer.Event(change));
            }
        });
    }

    /// <summary>Prints a component's CurrentState as it arrives, until Ctrl+C.</summary>
    /// <param name="component">From <see cref="Hcd"/> or <see cref="Assembly"/>.</param>
    /// <param name="names">Only these states; all when none.</param>
    public async Task Subscribe(ICommandService component, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(component);
        Console.WriteLine("Subscribed; Ctrl+C stops.");
        await Until(async token =>
        {
            await foreach (var state in component.SubscribeCurrentState(names.Length == 0 ? null : names.Select(n => new StateName(n)), token))
            {
                Console.WriteLine(Printer.State(state));
            }
        });
    }

    /// <summary>
    /// Starts the sample container (two filter wheel HCDs, WFOS.blue.filter and WFOS.red.filter,
    /// and the assembly WFOS.filter.assembly) in the shell's own process, registered in the
    /// shell's location service, and waits until they are Running.
    /// </summary>
    public async Task StartSamples()
    {
        var container = await _session.StartContainerAsync(SampleSystem.ContainerConfig);
        Console.WriteLine($"Started {container.Config.Name}: {string.Join(", ", container.Config.Components.Select(c => $"{c.Prefix} ({c.ComponentType})"))}.");
    }

    /// <summary>Prints a value as the shell does after each submission.</summary>
    public void Print(object? value) => Console.WriteLine(ShellPrinter.Format(value));

    private async Task Until(Func<CancellationToken, Task> run)
    {
        try
        {
            await run(Cancellation);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            Console.WriteLine("(stopped)");
        }
    }
}
