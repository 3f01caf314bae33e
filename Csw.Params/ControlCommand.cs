namespace Csw.Params;

/// <summary>A command a component accepts through its command service: a <see cref="Setup"/> or an <see cref="Observe"/>.</summary>
public abstract record ControlCommand : SequenceCommand
{
    private protected ControlCommand(Prefix source, CommandName commandName, ObsId? obsId)
        : base(source, commandName, obsId)
    {
    }
}
