using System.Reflection;
using System.Runtime.Loader;
using Csw.Framework.Internal;
using Csw.Framework.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Framework.Tests.Internal;

public sealed class PluginsTests
{
    [Fact]
    public void Load_SamplePlugin_ItsDependencyLoadsInItsOwnContextNotTheHosts()
    {
        var plugin = Plugins.Load(SamplePlugins.Current, "$.assemblies[0]");
        var context = Assert.IsType<PluginLoadContext>(AssemblyLoadContext.GetLoadContext(plugin));
        Assert.Contains(context.Assemblies, a => a.GetName().Name == SamplePlugins.Dependency);
        Assert.Throws<FileNotFoundException>(() => AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(SamplePlugins.Dependency)));
    }

    [Fact]
    public void Load_FrameworkCopiesBesideThePlugin_TheHostsAreUsed()
    {
        var pluginFolder = Path.GetDirectoryName(SamplePlugins.Current)!;
        string[] shared = ["Csw.Framework", "Akka", "Microsoft.Extensions.Logging.Abstractions"];
        foreach (var name in shared)
        {
            Assert.True(File.Exists(Path.Combine(pluginFolder, $"{name}.dll")), $"the plugin's build should carry its own {name}.dll, or this test proves nothing");
        }
        var plugin = Plugins.Load(SamplePlugins.Current, "$.assemblies[0]");
        Assert.All(shared, name => Assert.Contains(plugin.GetReferencedAssemblies(), r => r.Name == name));
        var handlers = plugin.GetType(SamplePlugins.HandlersClass, throwOnError: true)!;
        Assert.True(handlers.IsSubclassOf(typeof(ComponentHandlers)));
        Assert.DoesNotContain(AssemblyLoadContext.GetLoadContext(plugin)!.Assemblies, a => SharedAssemblies.IsShared(a.GetName()));
    }

    [Fact]
    public void Load_TwoPluginsWithDifferentVersionsOfADependency_EachRunsItsOwn()
    {
        var current = Plugins.Load(SamplePlugins.Current, "$.assemblies[0]");
        var older = Plugins.Load(SamplePlugins.OlderGuard, "$.assemblies[1]");
        Assert.Equal("5.0.0.0", LibraryVersion(current));
        Assert.Equal("4.6.0.0", LibraryVersion(older));
    }

    [Fact]
    public void Load_SamePathTwice_SameAssembly()
    {
        Assert.Same(Plugins.Load(SamplePlugins.Current, "$.assemblies[0]"), Plugins.Load(SamplePlugins.Current, "$.assemblies[3]"));
    }

    [Fact]
    public void Load_DependencyMissing_ErrorNamesItAndSaysHowToShipIt()
    {
        using var folder = new TemporaryFolder();
        var copy = folder.CopyOf(Path.GetDirectoryName(SamplePlugins.Current)!, except: $"{SamplePlugins.Dependency}.dll");
        var error = Assert.Throws<ContainerConfigException>(() => Plugins.Load(Path.Combine(copy, "SamplePlugin.dll"), "$.assemblies[2]"));
        Assert.Equal("$.assemblies[2]", error.JsonPath);
        Assert.Contains($"The plugin 'SamplePlugin.dll' needs {SamplePlugins.Dependency} 5.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("(SamplePlugin → Ardalis.GuardClauses), which is neither beside it nor in the host", error.Message, StringComparison.Ordinal);
        Assert.Contains("EnableDynamicLoading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DependencyCorrupt_ErrorNamesItAndTheLoadersReason()
    {
        using var folder = new TemporaryFolder();
        var copy = folder.CopyOf(Path.GetDirectoryName(SamplePlugins.Current)!, except: null);
        File.WriteAllText(Path.Combine(copy, $"{SamplePlugins.Dependency}.dll"), "not an assembly");
        var error = Assert.Throws<ContainerConfigException>(() => Plugins.Load(Path.Combine(copy, "SamplePlugin.dll"), "$.assemblies[0]"));
        Assert.StartsWith($"The plugin 'SamplePlugin.dll' needs {SamplePlugins.Dependency} 5.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("which cannot be loaded: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSuchFile_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}", "Missing.dll");
        var error = Assert.Throws<ContainerConfigException>(() => Plugins.Load(path, "$.assemblies[0]"));
        Assert.Equal($"Cannot load the plugin '{path}': no such file.", error.Message);
    }

    [Fact]
    public void Load_NotAnAssembly_ErrorNamesThePath()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "Text.dll");
        File.WriteAllText(path, "hello");
        var error = Assert.Throws<ContainerConfigException>(() => Plugins.Load(path, "$.assemblies[0]"));
        Assert.StartsWith($"Cannot load the plugin '{path}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FrameworkAssemblyListedAsAPlugin_TheHostsCopy()
    {
        var besideThePlugin = Path.Combine(Path.GetDirectoryName(SamplePlugins.Current)!, "Csw.Framework.dll");
        Assert.Same(typeof(ComponentHandlers).Assembly, Plugins.Load(besideThePlugin, "$.assemblies[0]"));
    }

    [Fact]
    public void Load_BuiltAgainstANewerFramework_ErrorNamesBothVersions()
    {
        using var folder = new TemporaryFolder();
        var newer = PluginCompiler.Compile(Path.Combine(folder.Path, "reference"), "Csw.Params", "99.0.0.0", "namespace Csw.Params { public sealed class Prefix { } }");
        var plugin = PluginCompiler.Compile(Path.Combine(folder.Path, "plugin"), "NewerPlugin", "1.0.0.0", "public static class Uses { public static System.Type Prefix => typeof(Csw.Params.Prefix); }", newer);
        var error = Assert.Throws<ContainerConfigException>(() => Plugins.Load(plugin, "$.assemblies[0]"));
        Assert.Equal(
            $"The plugin 'NewerPlugin.dll' was built against Csw.Params 99.0.0.0, newer than the host's {typeof(Params.Prefix).Assembly.GetName().Version} (NewerPlugin → Csw.Params). "
            + "The framework's assemblies (Csw.*, Akka*, Microsoft.Extensions.*) always come from the host: build the plugin against the host's version.",
            error.Message);
    }

    [Fact]
    public void Load_NoDepsJson_DependenciesFoundInItsFolder()
    {
        using var folder = new TemporaryFolder();
        var library = PluginCompiler.Compile(Path.Combine(folder.Path, "plugin"), "PrivateLibrary", "2.0.0.0", "public static class Library { public const int Answer = 42; public static int Get() => Answer; }");
        var plugin = PluginCompiler.Compile(Path.Combine(folder.Path, "plugin"), "LonePlugin", "1.0.0.0", "public static class Uses { public static int Answer() => Library.Get(); }", library);
        var loaded = Plugins.Load(plugin, "$.assemblies[0]");
        Assert.Contains(AssemblyLoadContext.GetLoadContext(loaded)!.Assemblies, a => a.GetName().Name == "PrivateLibrary");
    }

    private static string LibraryVersion(Assembly plugin) =>
        (string)plugin.GetType(SamplePlugins.HandlersClass, throwOnError: true)!.GetProperty("LibraryVersion")!.GetValue(null)!;
}
