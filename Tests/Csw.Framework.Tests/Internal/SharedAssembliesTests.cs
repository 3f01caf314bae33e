using System.Reflection;
using Csw.Framework.Internal;

namespace Csw.Framework.Tests.Internal;

public sealed class SharedAssembliesTests
{
    [Theory]
    [InlineData("Csw.Framework", true)]
    [InlineData("csw.params", true)]
    [InlineData("Akka", true)]
    [InlineData("Akka.Remote", true)]
    [InlineData("Microsoft.Extensions.Logging.Abstractions", true)]
    [InlineData("Ardalis.GuardClauses", false)]
    [InlineData("AkkaLike", false)]
    [InlineData("Cswish", false)]
    [InlineData("System.Text.Json", false)]
    public void IsShared_Name_FrameworkRuntimeAndExtensionsOnly(string name, bool shared) =>
        Assert.Equal(shared, SharedAssemblies.IsShared(new AssemblyName(name)));

    [Fact]
    public void FromHost_AnyVersionAsked_TheHostsCopy() =>
        Assert.Same(typeof(ComponentHandlers).Assembly, SharedAssemblies.FromHost(new AssemblyName("Csw.Framework, Version=99.0.0.0")));

    [Fact]
    public void FromHost_HostHasNone_Null() =>
        Assert.Null(SharedAssemblies.FromHost(new AssemblyName("Csw.NoSuchAssembly")));
}
