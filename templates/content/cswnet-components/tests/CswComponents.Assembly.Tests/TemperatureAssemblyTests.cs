using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using CswComponents.Hcd;

namespace CswComponents.Assembly.Tests;

/// <summary>The assembly with a real HCD, both in the test's actor system, finding each other through its embedded location service.</summary>
public sealed class TemperatureAssemblyTests : ComponentTestKit
{
    private static readonly Prefix Operator = Prefix.Parse("TCS.operator");

    private async Task<TestComponent> SpawnBothAsync()
    {
        await SpawnComponentAsync(new ComponentInfo(TemperatureAssembly.Controller.Prefix, ComponentType.HCD), context => new TemperatureHcd(context, TimeSpan.FromMilliseconds(1)));
        var info = new ComponentInfo(Prefix.Parse("TCS.temp.assembly"), ComponentType.Assembly) { Connections = [TemperatureAssembly.Controller] };
        return await SpawnComponentAsync(info, context => new TemperatureAssembly(context));
    }

    [Fact]
    public async Task SetTemperature_HcdReachesIt_CompletedWithTheReading()
    {
        var assembly = await SpawnBothAsync();
        var setTemperature = new Setup(Operator, "setTemperature").Add(TemperatureHcd.Target.Set(292));
        var completed = Assert.IsType<Completed>(await assembly.CommandService.SubmitAndWaitAsync(setTemperature));
        Assert.Equal(292, completed.Result.Get(TemperatureHcd.Temperature).Head);
    }

    [Fact]
    public async Task SetTemperature_HcdRefuses_ErrorSayingWhy()
    {
        var assembly = await SpawnBothAsync();
        var error = Assert.IsType<Error>(await assembly.CommandService.SubmitAndWaitAsync(new Setup(Operator, "setTemperature").Add(TemperatureHcd.Target.Set(1000))));
        Assert.Contains("target must be 4..400 K", error.Message);
    }
}
