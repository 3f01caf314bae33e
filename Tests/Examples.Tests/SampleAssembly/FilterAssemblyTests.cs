using Csw.Command;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleHcd;

namespace Examples.Tests.SampleAssembly;

public sealed class FilterAssemblyTests : ActorTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private static Setup Configure(int target) => new Setup(Client, "configure").Add(FilterWheelHcd.Target.Set(target));

    [Fact]
    public async Task Configure_AllWheelsMove_CompletedAndWheelsAtTarget()
    {
        var samples = SampleSystem.Start(System, TimeSpan.FromMilliseconds(5));
        var assembly = CommandServiceFactory.Make(samples.Assembly);
        var started = Assert.IsType<Started>(await assembly.SubmitAsync(Configure(3)));
        Assert.IsType<Completed>(await assembly.QueryFinalAsync(started.RunId));
        foreach (var wheel in new[] { samples.BlueWheel, samples.RedWheel })
        {
            var status = Assert.IsType<Completed>(await CommandServiceFactory.Make(wheel).SubmitAsync(new Setup(Client, "status")));
            Assert.Equal(3, status.Result.Get(FilterWheelHcd.Position).Head);
        }
    }

    [Fact]
    public async Task Configure_WheelsRefuse_ErrorNamingEachWheel()
    {
        var samples = SampleSystem.Start(System, TimeSpan.FromMilliseconds(5));
        var error = Assert.IsType<Error>(await CommandServiceFactory.Make(samples.Assembly).SubmitAndWaitAsync(Configure(9)));
        Assert.Contains("blue", error.Message);
        Assert.Contains("red", error.Message);
        Assert.Contains("target must be 0..7", error.Message);
    }

    [Fact]
    public async Task Submit_OtherCommand_Invalid()
    {
        var samples = SampleSystem.Start(System, TimeSpan.FromMilliseconds(5));
        Assert.IsType<Invalid>(await CommandServiceFactory.Make(samples.Assembly).SubmitAsync(new Setup(Client, "move")));
    }
}
