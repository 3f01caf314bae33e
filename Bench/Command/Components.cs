using System.Diagnostics;
using Csw.Actors;
using Csw.Command;
using Csw.Framework;
using Csw.Location;

namespace Bench.Command;

/// <summary>Starting many components: time until all are Running, and memory per component.</summary>
internal static class Components
{
    public static async Task WaitRunningAsync(ActorRef<ComponentMessage> component)
    {
        while (await component.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo)) != SupervisorLifecycleState.Running)
        {
            await Task.Delay(1);
        }
    }

    /// <summary>Seconds to start <paramref name="count"/> components until all are Running, and bytes per component.</summary>
    public static async Task<(double Seconds, double BytesPerComponent)> StartManyAsync(int count)
    {
        await using var system = ActorSystem.Create("many");
        // The embedded location service the components would get by default, made here so that we can
        // see them registered: registration follows Running, and it is part of what a component holds.
        var locationService = LocationServiceFactory.CreateEmbedded();
        var options = new ComponentOptions { LocationService = locationService };
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var components = new ActorRef<ComponentMessage>[count];
        for (var i = 0; i < count; i++)
        {
            components[i] = Component.Spawn(system, new ComponentInfo(Csw.Params.Prefix.Parse($"CSW.hcd{i}"), Csw.Params.ComponentType.HCD), context => new BenchHcd(context), options);
        }
        foreach (var component in components)
        {
            await WaitRunningAsync(component);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        while ((await locationService.ListAsync()).Count < count)
        {
            await Task.Delay(10);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(components);
        return (seconds, (double)(after - before) / count);
    }
}
