namespace Csw.Framework.Tests.Container;

/// <summary>CSW's host configuration, in HOCON or JSON: which container files a host starts.</summary>
public sealed class HostConfigTests
{
    [Fact]
    public void ParseHocon_CswHostLayout_PathsRelativeToTheBaseDirectory()
    {
        var host = HostConfig.ParseHocon("""
            # CSW's host configuration
            containers: [
              {
                configFilePath: "hcds.conf"
                configFileLocation: "Local"
              },
              {
                configFilePath: /etc/csw/assembly.conf
                configFileLocation: Local
              }
            ]
            """, "/opt/csw");
        Assert.Equal(["/opt/csw/hcds.conf", "/etc/csw/assembly.conf"], host.ContainerConfigFiles);
    }

    [Fact]
    public void Parse_JsonWithMode_SameAsHocon()
    {
        var json = HostConfig.Parse("""{ "containers": [{ "mode": "Container", "configFilePath": "a.json" }, { "mode": "Standalone", "configFilePath": "b.json" }] }""", "/x");
        var hocon = HostConfig.ParseHocon("containers = [{ mode = Container, configFilePath = a.json }, { mode = Standalone, configFilePath = b.json }]", "/x");
        Assert.Equal(json.ContainerConfigFiles, hocon.ContainerConfigFiles);
    }

    [Theory]
    [InlineData("containers = [{ configFilePath = a.conf, configFileLocation = Remote }]", "$.containers[0].configFileLocation", 1, 63, "configuration service")]
    [InlineData("containers = [{ configFilePath = a.conf, configFileLocation = Server }]", "$.containers[0].configFileLocation", 1, 63, "'Server' is not Local")]
    [InlineData("containers = [{ configFilePath = a.conf, mode = Sometimes }]", "$.containers[0].mode", 1, 49, "Container or Standalone")]
    [InlineData("containers = [{ configFilePath = a.conf, orgName = TMT }]", "$.containers[0].orgName", 1, 52, "Unknown field 'orgName'")]
    [InlineData("containers = [{ configFileLocation = Local }]", "$.containers[0].configFilePath", 1, 15, "missing")]
    [InlineData("containers = []", "$.containers", 1, 14, "at least one")]
    [InlineData("containers = a.conf", "$.containers", 1, 14, "an array")]
    [InlineData("hosts = []", "$.hosts", 1, 9, "Unknown field 'hosts'")]
    [InlineData("containers = [\n  { configFilePath = \"a.conf\"\n", "$", 3, 1, "never closed")]
    public void ParseHocon_Invalid_ErrorNamesThePathLineAndColumn(string hocon, string path, int line, int column, string message)
    {
        var error = Assert.Throws<ContainerConfigException>(() => HostConfig.ParseHocon(hocon, "/x"));
        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "containers": [{ "mode": "Container" }] }""", "$.containers[0].configFilePath")]
    [InlineData("""{ "containers": [{ "configFilePath": "a\u0000b" }] }""", "$.containers[0].configFilePath")]
    [InlineData("""{ "containers": [{ "configFilePath": "a.json", "mod": "Container" }] }""", "$.containers[0].mod")]
    [InlineData("""{ "containers": [ """, "$")]
    public void Parse_InvalidJson_ErrorNamesThePath(string json, string path)
    {
        Assert.Equal(path, Assert.Throws<ContainerConfigException>(() => HostConfig.Parse(json, "/x")).JsonPath);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.conf");
        Assert.Contains(path, (await Assert.ThrowsAsync<ContainerConfigException>(() => HostConfig.LoadAsync(path))).Message);
    }
}
