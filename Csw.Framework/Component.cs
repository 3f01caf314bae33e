using Akka.Actor;
using Csw.Command;
using Csw.Framework.Internal;

namespace Csw.Framework;

/// <summary>Starts components: a supervisor actor hosting a <see cref="ComponentHandlers"/> subclass.</summary>
public static class Component
{
    /// <summary>
    /// Starts a component as a top-level actor named after its prefix. It begins in
    /// <see cref="SupervisorLifecycleState.Idle"/> and becomes <see cref="SupervisorLifecycleState.Running"/>
    /// once <see cref="ComponentHandlers.InitializeAsync"/> succeeds.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes the handlers; called again for each restart.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    /// <returns>The supervisor: pass it to <see cref="CommandServiceFactory.Make(IActorRef, CommandServiceOptions, ActorSystem)"/> to send commands.</returns>
    /// <exception cref="InvalidActorNameException">A component with the same prefix already runs in this system.</exception>
    public static IActorRef Spawn(ActorSystem system, ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        CswExtension.For(system);
        return system.ActorOf(PropsFor(info, handlers, options), info.Prefix.ToString());
    }

    /// <summary>Starts a component as a child of another actor (e.g. a container); it stops with its parent.</summary>
    /// <param name="parent">The parent's context.</param>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes the handlers; called again for each restart.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    public static IActorRef Spawn(IActorContext parent, ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        CswExtension.For(parent.System);
        return parent.ActorOf(PropsFor(info, handlers, options), info.Prefix.ToString());
    }

    /// <summary>The props of a component's supervisor, for starting it in other ways (a router, a parent of one's own).</summary>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes the handlers; called again for each restart.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    public static Props PropsFor(ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(handlers);
        var settings = options ?? ComponentOptions.Default;
        return Props.Create(() => new Supervisor(info, handlers, settings));
    }
}
