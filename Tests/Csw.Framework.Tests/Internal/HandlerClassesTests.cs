using Csw.Framework.Internal;
using Csw.Framework.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Framework.Tests.Internal;

public sealed class HandlerClassesTests
{
    [Fact]
    public void Find_Misspelt_SuggestsTheNearestAndListsThoseFound()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerClasses.Find("SamplePlugin.GuardedHdc", [Plugin], "$.components[0].componentHandlerClassName"));
        Assert.Equal("$.components[0].componentHandlerClassName", error.JsonPath);
        Assert.StartsWith("No class 'SamplePlugin.GuardedHdc' in the loaded assemblies. Did you mean 'SamplePlugin.GuardedHcd'? ComponentHandlers subclasses found: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Csw.Framework.Tests.Container.ConfiguredHcd", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Give the full name (Namespace.Class) and list its .dll under \"assemblies\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_WithoutNamespace_SuggestsTheFullName()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerClasses.Find("ConfiguredHcd", [], "$"));
        Assert.Contains("Did you mean 'Csw.Framework.Tests.Container.ConfiguredHcd'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_QualifiedWithAnAssemblyThatLacksIt_NotFound()
    {
        var error = Assert.Throws<ContainerConfigException>(() => HandlerClasses.Find($"{SamplePlugins.HandlersClass}, Csw.Framework", [Plugin], "$"));
        Assert.StartsWith($"No class '{SamplePlugins.HandlersClass}, Csw.Framework' in the loaded assemblies. Did you mean '{SamplePlugins.HandlersClass}'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFound_NothingClose_NoSuggestionButTheList()
    {
        var message = HandlerClasses.NotFound("Completely.Different", ["A.FilterHcd", "B.WheelAssembly"]);
        Assert.Equal("No class 'Completely.Different' in the loaded assemblies. ComponentHandlers subclasses found: A.FilterHcd, B.WheelAssembly. Give the full name (Namespace.Class) and list its .dll under \"assemblies\".", message);
    }

    [Fact]
    public void NotFound_TwoClose_BothSuggestedNearestFirst()
    {
        var message = HandlerClasses.NotFound("Wfos.FilterHdc", ["Wfos.FilterHcd", "Wfos.FilterHcdx", "Other.Thing"]);
        Assert.Contains("Did you mean 'Wfos.FilterHcd' or 'Wfos.FilterHcdx'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFound_ManyLoaded_ListCappedWithACount()
    {
        var available = Enumerable.Range(0, 13).Select(i => $"N.Handlers{i:00}").ToList();
        var message = HandlerClasses.NotFound("X.Y", available);
        Assert.Contains("N.Handlers09 and 3 more.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("N.Handlers10", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFound_NoneLoaded_SaysSo()
    {
        Assert.Contains("No ComponentHandlers subclass is loaded.", HandlerClasses.NotFound("X.Y", []), StringComparison.Ordinal);
    }

    [Fact]
    public void Available_PluginLoaded_ListsItsHandlersBesideTheHosts()
    {
        var available = HandlerClasses.Available([Plugin]);
        Assert.Contains(SamplePlugins.HandlersClass, available);
        Assert.Contains("Csw.Framework.Tests.Container.ConfiguredHcd", available);
        Assert.DoesNotContain(available, name => name.StartsWith("System.", StringComparison.Ordinal));
    }

    private static System.Reflection.Assembly Plugin => Plugins.Load(SamplePlugins.Current, "$.assemblies[0]");
}
