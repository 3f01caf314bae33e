namespace Csw.Params;

/// <summary>
/// A command: <see cref="Setup"/>, <see cref="Observe"/> (both <see cref="ControlCommand"/>s) or
/// <see cref="Wait"/>. It names its sender (<see cref="Source"/>), the command, an optional observation id
/// and carries parameters. Immutable; on the wire
/// <c>{"_type": "Setup", "source": ..., "commandName": ..., "maybeObsId": ..., "paramSet": [...]}</c>.
/// </summary>
public abstract record Command : IParameterSet
{
    private protected Command(Prefix source, CommandName commandName, ObsId? obsId)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        CommandName = commandName;
        ObsId = obsId;
    }

    /// <summary>The prefix of the component that sends the command.</summary>
    public Prefix Source { get; init; }

    /// <summary>The command's name, e.g. <c>move</c>.</summary>
    public CommandName CommandName { get; init; }

    /// <summary>The observation this command belongs to, if any (<c>maybeObsId</c> on the wire).</summary>
    public ObsId? ObsId { get; init; }

    /// <summary>The parameters.</summary>
    public ParamSet ParamSet { get; init; } = ParamSet.Empty;

    /// <summary>The wire <c>_type</c>: <c>Setup</c>, <c>Observe</c> or <c>Wait</c>.</summary>
    public abstract string TypeName { get; }
}
