using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleAssembly;
using Examples.SampleHcd;

namespace Examples.Tests.SampleAssembly;

public sealed class FilterAssemblyTests : ComponentTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private static Setup Configure(int target) => new Setup(Client, "configure").Add(FilterWheelHcd.Target.Set(target));

    [Fact]
    public async Task Configure_AllWheelsMove_CompletedAndWheelsAtTarget()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
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
    public async Task Configure_AllWheelsMove_PublishesConfigurationBeforeCompleting()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
        var assembly = CommandServiceFactory.Make(samples.Assembly);
        await using var states = assembly.SubscribeCurrentState([FilterAssembly.ConfigurationState]).GetAsyncEnumerator();
        // The subscription request goes out with MoveNextAsync; the configure, sent after it, finds it in place.
        var next = states.MoveNextAsync();
        Assert.IsType<Completed>(await assembly.SubmitAndWaitAsync(Configure(6)));
        Assert.True(await next);
        Assert.Equal(6, states.Current.Get(FilterWheelHcd.Target).Head);
    }

    [Fact]
    public async Task Configure_WheelsRefuse_ErrorNamingEachWheel()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
        var error = Assert.IsType<Error>(await CommandServiceFactory.Make(samples.Assembly).SubmitAndWaitAsync(Configure(9)));
        Assert.Contains("blue", error.Message);
        Assert.Contains("red", error.Message);
        Assert.Contains("target must be 0..7", error.Message);
    }

    [Fact]
    public async Task Configure_OneWheelOffline_ErrorNamingOnlyThatWheel()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
        var red = CommandServiceFactory.Make(samples.RedWheel);
        await red.ValidateAsync(new Setup(Client, "status"));
        samples.RedWheel.Tell(new SupervisorMessage.GoOffline());
        await AwaitAssertAsync(async () => Assert.IsType<Invalid>(await red.ValidateAsync(new Setup(Client, "move").Add(FilterWheelHcd.Target.Set(1)))));

        var error = Assert.IsType<Error>(await CommandServiceFactory.Make(samples.Assembly).SubmitAndWaitAsync(Configure(5)));
        Assert.Equal("Wheels failed: red.filter (Invalid: The wheel is offline.)", error.Message);
        var blue = Assert.IsType<Completed>(await CommandServiceFactory.Make(samples.BlueWheel).SubmitAsync(new Setup(Client, "status")));
        Assert.Equal(5, blue.Result.Get(FilterWheelHcd.Position).Head);
    }

    [Fact]
    public async Task Configure_WheelGone_RefusedAtOnceNamingItThenAcceptedOnceItIsBack()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
        var assembly = CommandServiceFactory.Make(samples.Assembly);
        Assert.IsType<Completed>(await assembly.SubmitAndWaitAsync(Configure(1)));
        Watch(samples.RedWheel);
        samples.RedWheel.Tell(new SupervisorMessage.Shutdown());
        await ExpectTerminatedAsync(samples.RedWheel);

        // The assembly hears of it through location tracking, a moment later.
        await AwaitAssertAsync(async () => Assert.IsType<Invalid>(await assembly.ValidateAsync(Configure(2))));
        var refused = Assert.IsType<Invalid>(await assembly.SubmitAsync(Configure(2)));
        Assert.Equal(new CommandIssue(CommandIssueKind.RequiredHCDUnavailableIssue, "Wheels not there (their location was removed): red.filter."), refused.Issue);

        SampleSystem.StartWheel(Sys, SampleSystem.RedPrefix, TimeSpan.FromMilliseconds(5));
        await AwaitAssertAsync(async () => Assert.IsType<Accepted>(await assembly.ValidateAsync(Configure(3))));
        Assert.IsType<Completed>(await assembly.SubmitAndWaitAsync(Configure(3)));
    }

    [Fact]
    public async Task Configure_WhileWheelsMove_StartedAndQueryableAtOnce()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromSeconds(30));
        var assembly = CommandServiceFactory.Make(samples.Assembly);
        var started = Assert.IsType<Started>(await assembly.SubmitAsync(Configure(2)));
        Assert.IsType<Started>(await assembly.QueryAsync(started.RunId));
    }

    [Fact]
    public async Task Submit_OtherCommand_Invalid()
    {
        var samples = SampleSystem.Start(Sys, TimeSpan.FromMilliseconds(5));
        Assert.IsType<Invalid>(await CommandServiceFactory.Make(samples.Assembly).SubmitAsync(new Setup(Client, "move")));
    }
}
