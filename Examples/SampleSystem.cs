using Akka.Actor;
using Csw.Framework;
using Csw.Params;
using Examples.SampleAssembly;
using Examples.SampleHcd;

namespace Examples;

/// <summary>Starts the samples in one process: two filter wheels and the assembly that drives them.</summary>
public sealed record SampleSystem(IActorRef BlueWheel, IActorRef RedWheel, IActorRef Assembly)
{
    public static readonly Prefix BluePrefix = Prefix.Parse("WFOS.blue.filter");
    public static readonly Prefix RedPrefix = Prefix.Parse("WFOS.red.filter");
    public static readonly Prefix AssemblyPrefix = Prefix.Parse("WFOS.filter.assembly");

    /// <summary>Starts a filter wheel HCD.</summary>
    public static IActorRef StartWheel(ActorSystem system, Prefix prefix, TimeSpan stepTime) =>
        Component.Spawn(system, new ComponentInfo(prefix, ComponentType.HCD), context => new FilterWheelHcd(context, stepTime));

    /// <summary>
    /// The same three components as a container configuration, as <c>csw container</c> reads it
    /// from Examples/Configs (there split into two containers).
    /// </summary>
    public static ContainerConfig ContainerConfig { get; } = new("WfosDemo",
    [
        new ComponentConfig(BluePrefix, ComponentType.HCD, typeof(FilterWheelHcd).FullName!),
        new ComponentConfig(RedPrefix, ComponentType.HCD, typeof(FilterWheelHcd).FullName!),
        new ComponentConfig(AssemblyPrefix, ComponentType.Assembly, typeof(FilterAssembly).FullName!)
        {
            Connections = [new ComponentId(BluePrefix, ComponentType.HCD), new ComponentId(RedPrefix, ComponentType.HCD)],
        },
    ]);

    /// <summary>Starts both wheels and the assembly; commands sent before they are Running wait for them.</summary>
    public static SampleSystem Start(ActorSystem system, TimeSpan stepTime)
    {
        var blue = StartWheel(system, BluePrefix, stepTime);
        var red = StartWheel(system, RedPrefix, stepTime);
        var info = new ComponentInfo(AssemblyPrefix, ComponentType.Assembly)
        {
            Connections = [new ComponentId(BluePrefix, ComponentType.HCD), new ComponentId(RedPrefix, ComponentType.HCD)],
        };
        var assembly = Component.Spawn(system, info, context => new FilterAssembly(context));
        return new SampleSystem(blue, red, assembly);
    }
}
