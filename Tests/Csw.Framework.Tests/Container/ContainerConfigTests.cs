using Csw.Params;

namespace Csw.Framework.Tests.Container;

public sealed class ContainerConfigTests
{
    private const string Handler = "Csw.Framework.Tests.Container.ConfiguredHcd";

    [Fact]
    public void Parse_CswLayout_ReadsEveryField()
    {
        var config = ContainerConfig.Parse($$"""
            {
              // Comments and trailing commas are fine.
              "name": "WfosContainer",
              "components": [
                { "prefix": "WFOS.blue.filter", "componentType": "hcd", "componentHandlerClassName": "{{Handler}}", "locationServiceUsage": "RegisterOnly", "initializeTimeout": "500 millis" },
                { "prefix": "WFOS.filter.assembly", "componentType": "Assembly", "componentHandlerClassName": "{{Handler}}",
                  "connections": [ { "prefix": "WFOS.blue.filter", "componentType": "hcd", "connectionType": "pekko" } ], "initializeTimeout": 3 },
              ],
            }
            """);
        Assert.Equal("WfosContainer", config.Name);
        var (hcd, assembly) = (config.Components[0], config.Components[1]);
        Assert.Equal(new ComponentConfig(Prefix.Parse("WFOS.blue.filter"), ComponentType.HCD, Handler) { LocationServiceUsage = LocationServiceUsage.RegisterOnly, InitializeTimeout = TimeSpan.FromMilliseconds(500) }, hcd);
        Assert.Equal(ComponentType.Assembly, assembly.ComponentType);
        Assert.Equal([new ComponentId(Prefix.Parse("WFOS.blue.filter"), ComponentType.HCD)], assembly.Connections);
        Assert.Equal(TimeSpan.FromSeconds(3), assembly.InitializeTimeout);
        Assert.Equal(LocationServiceUsage.RegisterAndTrackServices, assembly.LocationServiceUsage);
    }

    [Fact]
    public void Parse_SingleComponent_StandaloneContainerOfOne()
    {
        var config = ContainerConfig.Parse($$"""{ "prefix": "WFOS.blue.filter", "componentType": "HCD", "componentHandlerClassName": "{{Handler}}" }""");
        Assert.Equal("WFOS.blue.filter", config.Name);
        Assert.Equal(Prefix.Parse("WFOS.blue.filter"), Assert.Single(config.Components).Prefix);
    }

    [Fact]
    public void Parse_Assemblies_RelativeToTheBaseDirectory()
    {
        var config = ContainerConfig.Parse($$"""{ "name": "c", "assemblies": ["lib/My.dll"], "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "{{Handler}}" }] }""", "/opt/csw");
        Assert.Equal(["/opt/csw/lib/My.dll"], config.Assemblies);
    }

    [Theory]
    [InlineData("""{ "name": "c", "components": [ """, "$", "not valid JSON")]
    [InlineData("""[]""", "$", "an object")]
    [InlineData("""{ "components": [] }""", "$.name", "missing")]
    [InlineData("""{ "name": "blue-container", "components": [] }""", "$.name", "cannot name a container")]
    [InlineData("""{ "name": "c", "components": [] }""", "$.components", "at least one")]
    [InlineData("""{ "name": "c", "componets": [] }""", "$.componets", "Unknown field 'componets'")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "nonsense", "componentType": "hcd", "componentHandlerClassName": "X" }] }""", "$.components[0].prefix", "not a prefix")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "robot", "componentHandlerClassName": "X" }] }""", "$.components[0].componentType", "robot")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "Sequencer", "componentHandlerClassName": "X" }] }""", "$.components[0].componentType", "HCDs and Assemblies")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd" }] }""", "$.components[0].componentHandlerClassName", "missing")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "X", "locationServiceUsage": "Sometimes" }] }""", "$.components[0].locationServiceUsage", "Sometimes")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "X", "initializeTimeout": "soon" }] }""", "$.components[0].initializeTimeout", "duration")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "X", "connections": [{ "prefix": "WFOS.y", "componentType": "hcd", "connectionType": "tcp" }] }] }""", "$.components[0].connections[0].connectionType", "tcp")]
    [InlineData("""{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "X" }, { "prefix": "WFOS.x", "componentType": "assembly", "componentHandlerClassName": "X" }] }""", "$.components[1].prefix", "Two components")]
    public void Parse_Invalid_ErrorNamesTheField(string json, string path, string message)
    {
        var error = Assert.Throws<ContainerConfigException>(() => ContainerConfig.Parse(json));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        var error = await Assert.ThrowsAsync<ContainerConfigException>(() => ContainerConfig.LoadAsync(path));
        Assert.Contains(path, error.Message);
    }
}
