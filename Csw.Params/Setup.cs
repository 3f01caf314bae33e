namespace Csw.Params;

/// <summary>A command that configures a component (CSW's <c>Setup</c>): <c>new Setup(prefix, "move", obsId).Add(repeat.Set(22))</c>.</summary>
public sealed record Setup : ControlCommand, IParameterSet<Setup>
{
    /// <summary>Creates a command with no parameters.</summary>
    public Setup(Prefix source, CommandName commandName, ObsId? obsId = null)
        : base(source, commandName, obsId)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "Setup";

    /// <inheritdoc />
    public Setup WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
