using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using Examples.TemperatureHcd;

namespace Examples.Tests.TemperatureHcd;

/// <summary>The temperature controller: its hardware polled by a child actor that the component supervises.</summary>
public sealed class TemperatureHcdTests : ComponentTestKit
{
    private static readonly ComponentInfo Info = new(Prefix.Parse("TCS.temp.controller"), ComponentType.HCD);
    private static readonly Prefix Operator = Prefix.Parse("TCS.operator");

    private static Setup SetTemperature(double kelvin) => new Setup(Operator, "setTemperature").Add(Examples.TemperatureHcd.TemperatureHcd.Target.Set(kelvin));

    [Fact]
    public async Task SetTemperature_ChildPollsUntilReached_StartedThenCompletedWithTheReading()
    {
        var heater = new SimulatedHeater(290);
        var hcd = await SpawnComponentAsync(Info, context => new Examples.TemperatureHcd.TemperatureHcd(context, heater, TimeSpan.FromMilliseconds(5)));

        var started = await hcd.CommandService.SubmitAsync(SetTemperature(293));
        Assert.IsType<Started>(started);
        var completed = Assert.IsType<Completed>(await hcd.CommandService.QueryFinalAsync(started.RunId));

        Assert.Equal(293, completed.Result.Get(HeaterController.Temperature).Head, precision: 1);
        var reading = await hcd.ExpectCurrentStateAsync(state => state.Get(HeaterController.Temperature).Head >= 292);
        Assert.Equal(Units.Kelvin, reading.Get(HeaterController.Temperature).Units);
    }

    [Fact]
    public async Task SetTemperature_ReadFailsOnTheWay_ChildRestartedAndTheCommandStillCompletes()
    {
        var heater = new SimulatedHeater(290);
        var hcd = await SpawnComponentAsync(Info, context => new Examples.TemperatureHcd.TemperatureHcd(context, heater, TimeSpan.FromMilliseconds(5)));

        var started = await hcd.CommandService.SubmitAsync(SetTemperature(296));
        heater.FailNextRead = true;

        Assert.IsType<Completed>(await hcd.CommandService.QueryFinalAsync(started.RunId));
        Assert.False(heater.FailNextRead);
        Assert.Equal(SupervisorLifecycleState.Running, await hcd.StateAsync());
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(401.0)]
    public async Task SetTemperature_OutOfRange_Invalid(double kelvin)
    {
        var hcd = await SpawnComponentAsync(Info, context => new Examples.TemperatureHcd.TemperatureHcd(context));
        var invalid = Assert.IsType<Invalid>(await hcd.CommandService.SubmitAsync(SetTemperature(kelvin)));
        Assert.Equal(CommandIssueKind.ParameterValueOutOfRangeIssue, invalid.Issue.Kind);
    }

    [Fact]
    public async Task SetTemperature_ReplacedBeforeReached_FirstCancelledSecondCompleted()
    {
        var heater = new SimulatedHeater(290, step: 0.1);
        var hcd = await SpawnComponentAsync(Info, context => new Examples.TemperatureHcd.TemperatureHcd(context, heater, TimeSpan.FromMilliseconds(5)));
        var first = await hcd.CommandService.SubmitAsync(SetTemperature(350));
        var second = await hcd.CommandService.SubmitAsync(SetTemperature(290.5));
        Assert.IsType<Cancelled>(await hcd.CommandService.QueryFinalAsync(first.RunId));
        Assert.IsType<Completed>(await hcd.CommandService.QueryFinalAsync(second.RunId));
    }
}
