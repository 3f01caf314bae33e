using System.Text.Json;
using Csw.Params.Tests.Support;

namespace Csw.Params.Tests;

/// <summary>Every sample of CSW's own JSON contract decodes and re-encodes to the same JSON.</summary>
public sealed class ContractSampleTests
{
    [Theory]
    [InlineData("setup_command.json")]
    [InlineData("setup_with_all_keys.json")]
    [InlineData("observe_command.json")]
    [InlineData("wait_command.json")]
    public void Command_ContractSample_RoundTripsToSameJson(string file)
    {
        var json = ContractFiles.Read(file);

        var command = CswJson.Deserialize<Command>(json);

        JsonAssert.Equivalent(json, CswJson.Serialize(command));
    }

    [Theory]
    [InlineData("current_State.json")]
    [InlineData("demand_state.json")]
    public void StateVariable_ContractSample_RoundTripsToSameJson(string file)
    {
        var json = ContractFiles.Read(file);

        var state = CswJson.Deserialize<StateVariable>(json);

        JsonAssert.Equivalent(json, CswJson.Serialize(state));
    }

    [Theory]
    [InlineData("observe_event.json")]
    [InlineData("system_event.json")]
    public void Parameter_EventParamSet_RoundTripsToSameJson(string file)
    {
        using var document = JsonDocument.Parse(ContractFiles.Read(file));
        var paramSet = document.RootElement.GetProperty("paramSet").GetRawText();

        var decoded = CswJson.Deserialize<ParamSet>(paramSet);

        JsonAssert.Equivalent(paramSet, CswJson.Serialize(decoded));
    }

    [Fact]
    public void ContractFiles_Directory_HoldsEveryKnownSample()
    {
        var files = Directory.GetFiles(ContractFiles.ParamsDirectory, "*.json").Select(f => Path.GetFileName(f)!).Order().ToArray();

        Assert.Equal<string[]>(
            ["current_State.json", "demand_state.json", "observe_command.json", "observe_event.json", "setup_command.json",
             "setup_with_all_keys.json", "system_event.json", "wait_command.json"],
            files);
    }
}
