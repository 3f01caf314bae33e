using Csw.Faults.Tests.Support;
using Csw.Params;

namespace Csw.Faults.Tests;

/// <summary>Faults 3 and 4: a QueryFinal long after, and a component restart with commands running.</summary>
public sealed class RetentionAndRestartTests
{
    [Fact]
    public async Task QueryFinal_After10kLaterCommands_StillTheRightFinalResponse()
    {
        await using var host = await FaultHost.StartAsync();
        var service = FaultHost.Connect(host.Port);
        var first = await service.SubmitAsync(Commands.Work(-2));
        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
        {
            var response = await service.SubmitAsync(Commands.Work(n));
            if (response is Started)
            {
                await service.QueryFinalAsync(response.RunId);
            }
        });
        Assert.Equal(first, await service.QueryFinalAsync(first.RunId));
    }

    [Fact]
    public async Task Restart_WithCommandsRunning_EachGetsAFinalResponse()
    {
        await using var host = await FaultHost.StartAsync();
        var service = FaultHost.Connect(host.Port);
        var running = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => service.SubmitAsync(Commands.Long(ms: 600_000))));
        Assert.All(running, response => Assert.IsType<Started>(response));
        var finals = running.Select(started => service.QueryFinalAsync(started.RunId)).ToList();
        Assert.IsType<Completed>(await service.SubmitAsync(Commands.Named("restart")));
        foreach (var final in await Task.WhenAll(finals))
        {
            Assert.Contains("interrupted: the component restarted", Assert.IsType<Error>(final).Message);
        }
        Figures.Report("restart_commands_ended", finals.Count, "commands");
    }
}
