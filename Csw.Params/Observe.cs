namespace Csw.Params;

/// <summary>A command that takes data (CSW's <c>Observe</c>): <c>new Observe(prefix, "move", obsId).Add(repeat.Set(22))</c>.</summary>
public sealed record Observe : ControlCommand, IParameterSet<Observe>
{
    /// <summary>Creates a command with no parameters.</summary>
    public Observe(Prefix source, CommandName commandName, ObsId? obsId = null)
        : base(source, commandName, obsId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Observe";

    /// <inheritdoc />
    public Observe WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
