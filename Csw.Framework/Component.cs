using Csw.Actors;
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
    /// <returns>The supervisor: pass it to <see cref="CommandServiceFactory.Make(Csw.Actors.ActorRef{ComponentMessage}, CommandServiceOptions)"/> to send commands.</returns>
    public static ActorRef<ComponentMessage> Spawn(ActorSystem system, ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Spawn(PropsFor(info, handlers, options), info.Prefix.ToString());
    }

    /// <summary>Starts a component as a child of another actor (e.g. a container).</summary>
    /// <typeparam name="TParent">The parent's message type.</typeparam>
    /// <param name="parent">The parent's context.</param>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes the handlers; called again for each restart.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    public static ActorRef<ComponentMessage> Spawn<TParent>(IActorContext<TParent> parent, ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Spawn(PropsFor(info, handlers, options), info.Prefix.ToString());
    }

    private static Props<ComponentMessage> PropsFor(ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(handlers);
        var settings = options ?? ComponentOptions.Default;
        // The supervisor contains every handler failure itself; a bug in it must not lose the component's state.
        return Props.Create<ComponentMessage>(context => new Supervisor(context, info, handlers, settings)).WithSupervision(SupervisorStrategy.Resume);
    }
}
