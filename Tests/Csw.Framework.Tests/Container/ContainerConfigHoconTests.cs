using Csw.Framework.Tests.Support;
using Csw.Params;

namespace Csw.Framework.Tests.Container;

/// <summary>CSW's HOCON container files, read as strictly as JSON; errors name the JSON path, the line and the column.</summary>
public sealed class ContainerConfigHoconTests
{
    private const string Handler = "Csw.Framework.Tests.Container.ConfiguredHcd";

    [Fact]
    public void ParseHocon_CswContainerLayout_ReadsEveryField()
    {
        var config = ContainerConfig.ParseHocon($$"""
            # CSW's layout: braceless root, unquoted values, '=' and ':' mixed, new lines as separators.
            name = "WfosContainer"
            components: [
              {
                prefix = "WFOS.blue.filter"
                componentType = hcd
                componentHandlerClassName = {{Handler}}
                locationServiceUsage = RegisterOnly
                initializeTimeout = 500 millis
              }
              {
                prefix = WFOS.filter.assembly
                componentType: Assembly
                componentHandlerClassName: "{{Handler}}"
                connections = [{
                  prefix: "WFOS.blue.filter"
                  componentType: hcd
                  connectionType: pekko
                }],
                initializeTimeout = 3
              },
            ]
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
    public void ParseHocon_SameContentAsJson_SameConfiguration()
    {
        var json = ContainerConfig.Parse($$"""
            { "name": "c", "assemblies": ["lib/My.dll"], "components": [
              { "prefix": "WFOS.x", "componentType": "hcd", "componentHandlerClassName": "{{Handler}}", "initializeTimeout": "2 seconds",
                "connections": [{ "prefix": "WFOS.y", "componentType": "hcd", "connectionType": "http" }] } ] }
            """, "/opt/csw");
        var hocon = ContainerConfig.ParseHocon($$"""
            name = c
            assemblies = [lib/My.dll]
            components = [{
              prefix = WFOS.x, componentType = hcd, componentHandlerClassName = {{Handler}}, initializeTimeout = 2s
              connections = [{ prefix = WFOS.y, componentType = hcd, connectionType = http }]
            }]
            """, "/opt/csw");
        Assert.Equal(ConfigFiles.Shape(json), ConfigFiles.Shape(hocon));
    }

    [Fact]
    public void ParseHocon_SingleComponent_StandaloneContainerOfOne()
    {
        var config = ContainerConfig.ParseHocon($"prefix = WFOS.blue.filter\ncomponentType = hcd\ncomponentHandlerClassName = {Handler}\n");
        Assert.Equal("WFOS.blue.filter", config.Name);
        Assert.Equal(Prefix.Parse("WFOS.blue.filter"), Assert.Single(config.Components).Prefix);
    }

    [Fact]
    public void ParseHocon_DuplicateComponentField_LaterWinsAsHoconSays()
    {
        var config = ContainerConfig.ParseHocon($"prefix = WFOS.a\ncomponentType = hcd\ncomponentHandlerClassName = {Handler}\nprefix = WFOS.b\n");
        Assert.Equal(Prefix.Parse("WFOS.b"), Assert.Single(config.Components).Prefix);
    }

    [Theory]
    [InlineData("name = c\ncomponets = []", "$.componets", 2, 13, "Unknown field 'componets'")]
    [InlineData("name = c\nlocationServiceUsage = RegisterOnly\ncomponents = []", "$.locationServiceUsage", 2, 24, "Unknown field 'locationServiceUsage'")]
    [InlineData("name = c\ncomponents = {}", "$.components", 2, 14, "an array of components")]
    [InlineData("name = [c]\ncomponents = []", "$.name", 1, 8, "non-empty string")]
    [InlineData("name = c\ncomponents = []", "$.components", 2, 14, "at least one")]
    [InlineData("components = []", "$.name", 1, 1, "'name' is missing")]
    [InlineData("name = c\ncomponents = [\n  { prefix = nonsense, componentType = hcd, componentHandlerClassName = X }\n]", "$.components[0].prefix", 3, 14, "not a prefix")]
    [InlineData("name = c\ncomponents = [\n  { prefix = WFOS.x, componentType = robot, componentHandlerClassName = X }\n]", "$.components[0].componentType", 3, 38, "robot")]
    [InlineData("name = c\ncomponents = [\n  { prefix = WFOS.x, componentType = hcd }\n]", "$.components[0].componentHandlerClassName", 3, 3, "missing")]
    [InlineData("name = c\ncomponents = [\n  { prefix = WFOS.x, componentType = hcd, componentHandlerClassName = X\n    initializeTimeout = soon }\n]", "$.components[0].initializeTimeout", 4, 25, "duration")]
    [InlineData("name = c\ncomponents = [\n  { prefix = WFOS.x, componentType = hcd, componentHandlerClassName = X\n    initializeTimeout = 1e300 }\n]", "$.components[0].initializeTimeout", 4, 25, "duration")]
    [InlineData("name = c\ncomponents = [{ prefix = WFOS.x, componentType = hcd, componentHandlerClassName = X\n  connections = [{ prefix = WFOS.y, componentType = hcd, connectionType = tcp }] }]", "$.components[0].connections[0].connectionType", 3, 75, "tcp")]
    [InlineData("name = c\ncomponents = [{ prefix = WFOS.x, componentType = hcd, componentHandlerClassName = X\n  connections = [{ prefix = WFOS.y, componentType = hcd, typo = 1 }] }]", "$.components[0].connections[0].typo", 3, 65, "Unknown field 'typo'")]
    public void ParseHocon_Invalid_ErrorNamesThePathLineAndColumn(string hocon, string path, int line, int column, string message)
    {
        var error = Assert.Throws<ContainerConfigException>(() => ContainerConfig.ParseHocon(hocon));
        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("name = c\ncomponents = [\n  { prefix = WFOS.x\n", 4, 1, "the '{' at line 3, column 3 is never closed")]
    [InlineData("a = {\n b = 1\n c = [1,2\n}", 4, 1, "the '[' at line 3, column 6 is closed by '}'")]
    [InlineData("name = ${NAME}", 1, 8, "substitutions")]
    [InlineData("include \"base.conf\"\nname = c", 1, 1, "include is not supported")]
    public void ParseHocon_SyntaxError_ErrorNamesLineAndColumn(string hocon, int line, int column, string message)
    {
        var error = Assert.Throws<ContainerConfigException>(() => ContainerConfig.ParseHocon(hocon));
        Assert.Equal("$", error.JsonPath);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task LoadAsync_ConfFileWithSyntaxError_ErrorNamesFileLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(path, "name = c\ncomponents = [\n  { prefix = WFOS.x\n");
        try
        {
            var error = await Assert.ThrowsAsync<ContainerConfigException>(() => ContainerConfig.LoadAsync(path));
            Assert.StartsWith($"{path}: line 4, column 1: ", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(".conf")]
    [InlineData(".hocon")]
    [InlineData("")]
    public async Task LoadAsync_AnyNameButJson_ReadAsHocon(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"standalone-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(path, $"prefix = WFOS.x\ncomponentType = hcd\ncomponentHandlerClassName = {Handler}\n");
        try
        {
            Assert.Equal("WFOS.x", (await ContainerConfig.LoadAsync(path)).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadAsync_JsonFile_ReadAsJson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"standalone-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $"prefix = WFOS.x\ncomponentType = hcd\ncomponentHandlerClassName = {Handler}\n");
        try
        {
            Assert.Contains("not valid JSON", (await Assert.ThrowsAsync<ContainerConfigException>(() => ContainerConfig.LoadAsync(path))).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "name": "\ud800", "components": [] }""", "$.name")]
    [InlineData("""{ "\ud800": 1 }""", "$")]
    public void Parse_JsonStringThatIsNotText_ConfigException(string json, string path)
    {
        Assert.Equal(path, Assert.Throws<ContainerConfigException>(() => ContainerConfig.Parse(json)).JsonPath);
    }
}
