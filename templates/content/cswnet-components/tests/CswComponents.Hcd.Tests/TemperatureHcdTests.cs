using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using CswComponents.Hcd;

namespace CswComponents.Hcd.Tests;

/// <summary>The HCD on Csw.TestKit: each test gets its own actor system, and probes for what the component publishes.</summary>
public sealed class TemperatureHcdTests : ComponentTestKit
{
    private static readonly ComponentInfo Info = new(Prefix.Parse("TCS.temp.controller"), ComponentType.HCD);
    private static readonly Prefix Operator = Prefix.Parse("TCS.operator");

    private static Setup SetTemperature(double kelvin) => new Setup(Operator, "setTemperature").Add(TemperatureHcd.Target.Set(kelvin));

    [Fact]
    public async Task InitializeAsync_FirstReading_IsTheProbesFirstState()
    {
        var hcd = await SpawnComponentAsync(Info, context => new TemperatureHcd(context, TimeSpan.FromMilliseconds(1)));
        var first = await hcd.CurrentStates.ExpectMsgAsync<CurrentState>();
        Assert.Equal(290, first.Get(TemperatureHcd.Temperature).Head);
    }

    [Fact]
    public async Task SetTemperature_Reachable_StartedThenCompletedAndEveryKelvinPublished()
    {
        var hcd = await SpawnComponentAsync(Info, context => new TemperatureHcd(context, TimeSpan.FromMilliseconds(1)));

        var started = await hcd.CommandService.SubmitAsync(SetTemperature(293));
        Assert.IsType<Started>(started);
        var completed = Assert.IsType<Completed>(await hcd.CommandService.QueryFinalAsync(started.RunId));

        Assert.Equal(293, completed.Result.Get(TemperatureHcd.Temperature).Head);
        foreach (var kelvin in new double[] { 290, 291, 292, 293 })
        {
            Assert.Equal(kelvin, (await hcd.CurrentStates.ExpectMsgAsync<CurrentState>()).Get(TemperatureHcd.Temperature).Head);
        }
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(401.0)]
    public async Task SetTemperature_OutOfRange_Invalid(double kelvin)
    {
        var hcd = await SpawnComponentAsync(Info, context => new TemperatureHcd(context));
        var invalid = Assert.IsType<Invalid>(await hcd.CommandService.SubmitAsync(SetTemperature(kelvin)));
        Assert.Equal(CommandIssueKind.ParameterValueOutOfRangeIssue, invalid.Issue.Kind);
    }

    [Fact]
    public async Task SetTemperature_ReplacedBeforeReached_FirstCancelledSecondCompleted()
    {
        var hcd = await SpawnComponentAsync(Info, context => new TemperatureHcd(context, TimeSpan.FromMilliseconds(20)));
        var first = await hcd.CommandService.SubmitAsync(SetTemperature(390));
        var second = await hcd.CommandService.SubmitAsync(SetTemperature(289));
        Assert.IsType<Cancelled>(await hcd.CommandService.QueryFinalAsync(first.RunId));
        Assert.IsType<Completed>(await hcd.CommandService.QueryFinalAsync(second.RunId));
    }
}
