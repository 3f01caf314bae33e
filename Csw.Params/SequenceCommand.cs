namespace Csw.Params;

/// <summary>A command a sequencer can run: a <see cref="ControlCommand"/> or a <see cref="Wait"/>.</summary>
public abstract record SequenceCommand : Command
{
    private protected SequenceCommand(Prefix source, CommandName commandName, ObsId? obsId)
        : base(source, commandName, obsId)
    {
    }
}
