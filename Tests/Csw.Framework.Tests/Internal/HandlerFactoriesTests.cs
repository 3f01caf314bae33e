using Csw.Framework.Internal;
using Csw.Framework.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Framework.Tests.Internal;

public sealed class HandlerFactoriesTests
{
    [Fact]
    public void Resolve_ClassInAPlugin_Found()
    {
        var factories = HandlerFactories.Resolve(Config([SamplePlugins.Current], SamplePlugins.HandlersClass));
        Assert.Single(factories);
    }

    [Fact]
    public void Resolve_SameClassInTwoPlugins_AmbiguousNamingBoth()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerFactories.Resolve(Config([SamplePlugins.Current, SamplePlugins.OlderGuard], SamplePlugins.HandlersClass)));
        Assert.Equal("$.components[0].componentHandlerClassName", error.JsonPath);
        Assert.Equal($"'{SamplePlugins.HandlersClass}' is in several plugins: SamplePlugin, SamplePlugin.OlderGuard. Name the one meant as '{SamplePlugins.HandlersClass}, AssemblyName'.", error.Message);
    }

    [Fact]
    public void Resolve_ClassQualifiedWithItsAssembly_TakenFromThatPlugin()
    {
        var config = Config([SamplePlugins.Current, SamplePlugins.OlderGuard], $"{SamplePlugins.HandlersClass}, SamplePlugin.OlderGuard");
        Assert.Single(HandlerFactories.Resolve(config));
        Assert.Equal("SamplePlugin.OlderGuard", HandlerClasses.Find(config.Components[0].HandlerClassName, [Plugins.Load(SamplePlugins.Current, "$"), Plugins.Load(SamplePlugins.OlderGuard, "$")], "$").Assembly.GetName().Name);
    }

    [Fact]
    public void Resolve_SamePluginListedTwice_NotAmbiguous()
    {
        Assert.Single(HandlerFactories.Resolve(Config([SamplePlugins.Current, SamplePlugins.Current], SamplePlugins.HandlersClass)));
    }

    [Fact]
    public void Resolve_QualifiedWithAVersionToo_TheAssemblysSimpleNameIsEnough()
    {
        Assert.Single(HandlerFactories.Resolve(Config([SamplePlugins.Current, SamplePlugins.OlderGuard], $"{SamplePlugins.HandlersClass}, SamplePlugin.OlderGuard, Version=1.0.0.0")));
    }

    [Fact]
    public void Resolve_PluginMissing_ErrorAtItsPlaceInTheConfiguration()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerFactories.Resolve(Config([SamplePlugins.Current, "/no/such/Plugin.dll"], SamplePlugins.HandlersClass)));
        Assert.Equal("$.assemblies[1]", error.JsonPath);
    }

    [Fact]
    public void Resolve_ClassThatIsNotHandlers_Refused()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerFactories.Resolve(Config([], "System.String")));
        Assert.Equal("'System.String' is not a concrete subclass of ComponentHandlers.", error.Message);
    }

    private static ContainerConfig Config(string[] assemblies, string handlersClass) =>
        new("c", [new ComponentConfig(Params.Prefix.Parse("WFOS.plugin"), Params.ComponentType.HCD, handlersClass)]) { Assemblies = assemblies };
}
