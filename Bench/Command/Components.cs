using System.Diagnostics;
using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Location;

namespace Bench.Command;

/// <summary>Starting many components: time until all are Running, and memory per component.</summary>
internal static class Components
{
    public static async Task WaitRunningAsync(IActorRef component)
    {
        while (await component.Ask<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo), TimeSpan.FromSeconds(30), CancellationToken.None) != SupervisorLifecycleState.Running)
        {
            await Task.Delay(1);
        }
    }

    /// <summary>Seconds to start <paramref name="count"/> components until all are Running, and bytes per component.</summary>
    public static async Task<(double Seconds, double BytesPerComponent)> StartManyAsync(int count)
    {
        var system = CswActorSystem.Create("many");
        try
        {
            return await StartManyAsync(system, count);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<(double Seconds, double BytesPerComponent)> StartManyAsync(ActorSystem system, int count)
    {
        // The embedded location service the components would get by default, made here so that we can
        // see them registered: registration follows Running, and it is part of what a component holds.
        var locationService = LocationServiceFactory.CreateEmbedded();
        var options = new ComponentOptions { LocationService = locationService };
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var components = new IActorRef[count];
        var allRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Told every component's lifecycle changes: waiting costs one message per change, not a poll per component.
        var counter = system.ActorOf(Props.Create(() => new RunningCounter(count, allRunning)));
        for (var i = 0; i < count; i++)
        {
            components[i] = Component.Spawn(system, new ComponentInfo(Csw.Params.Prefix.Parse($"CSW.hcd{i}"), Csw.Params.ComponentType.HCD), context => new BenchHcd(context), options);
            components[i].Tell(new SupervisorMessage.SubscribeLifecycleState(counter));
        }
        await allRunning.Task;
        var seconds = watch.Elapsed.TotalSeconds;
        system.Stop(counter);
        while ((await locationService.ListAsync()).Count < count)
        {
            await Task.Delay(10);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(components);
        return (seconds, (double)(after - before) / count);
    }

    /// <summary>Completes <c>allRunning</c> once <c>count</c> different components have reported Running.</summary>
    private sealed class RunningCounter : ReceiveActor
    {
        public RunningCounter(int count, TaskCompletionSource allRunning)
        {
            var running = new HashSet<IActorRef>();
            Receive<LifecycleStateChanged>(change =>
            {
                if (change.State == SupervisorLifecycleState.Running && running.Add(change.Component) && running.Count == count)
                {
                    allRunning.TrySetResult();
                }
            });
        }
    }
}
