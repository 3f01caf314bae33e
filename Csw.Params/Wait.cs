namespace Csw.Params;

/// <summary>A sequence command that makes a sequencer wait (CSW's <c>Wait</c>): <c>new Wait(prefix, "move", obsId).Add(repeat.Set(22))</c>.</summary>
public sealed record Wait : SequenceCommand, IParameterSet<Wait>
{
    /// <summary>Creates a command with no parameters.</summary>
    public Wait(Prefix source, CommandName commandName, ObsId? obsId = null)
        : base(source, commandName, obsId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Wait";

    /// <inheritdoc />
    public Wait WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
