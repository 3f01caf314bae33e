using Csw.Framework.Tests.Support;

namespace Csw.Framework.Tests.Container;

/// <summary>The samples in Examples/Configs: each HOCON file reads to the same configuration as its JSON twin.</summary>
public sealed class ExampleConfigTests
{
    public static TheoryData<string> Hocon => ConfigFiles.Names("*.conf");

    [Theory]
    [MemberData(nameof(Hocon))]
    public async Task LoadAsync_HoconSample_SameAsItsJsonTwin(string name)
    {
        var hocon = ConfigFiles.PathOf(name);
        var json = Path.ChangeExtension(hocon, ".json");
        if (ConfigFiles.IsHost(name))
        {
            var fromHocon = await HostConfig.LoadAsync(hocon);
            var fromJson = await HostConfig.LoadAsync(json);
            // The HOCON host lists the HOCON containers, the JSON host their JSON twins.
            Assert.Equal(fromJson.ContainerConfigFiles, fromHocon.ContainerConfigFiles.Select(file => Path.ChangeExtension(file, ".json")));
            Assert.All(fromHocon.ContainerConfigFiles, file => Assert.EndsWith(".conf", file, StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(ConfigFiles.Shape(await ContainerConfig.LoadAsync(json)), ConfigFiles.Shape(await ContainerConfig.LoadAsync(hocon)));
        }
    }

    [Fact]
    public void Samples_EveryHoconFileHasAJsonTwin()
    {
        var names = Directory.EnumerateFiles(ConfigFiles.Folder, "*.conf").ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(File.Exists(Path.ChangeExtension(name, ".json")), $"{name} has no JSON twin."));
    }

    [Theory]
    [MemberData(nameof(Hocon))]
    public async Task ParseHocon_JsonTwin_SameAsParse(string name)
    {
        // HOCON is a superset of JSON: the JSON files read the same through either reader.
        var json = await File.ReadAllTextAsync(Path.ChangeExtension(ConfigFiles.PathOf(name), ".json"));
        if (ConfigFiles.IsHost(name))
        {
            Assert.Equal(HostConfig.Parse(json, "/base").ContainerConfigFiles, HostConfig.ParseHocon(json, "/base").ContainerConfigFiles);
        }
        else
        {
            Assert.Equal(ConfigFiles.Shape(ContainerConfig.Parse(json)), ConfigFiles.Shape(ContainerConfig.ParseHocon(json)));
        }
    }
}
