using Csw.Actors;
using Csw.Command.Internal;

namespace Csw.Command;

/// <summary>Makes <see cref="ICommandService"/>s.</summary>
public static class CommandServiceFactory
{
    /// <summary>A command service for a component running in this process.</summary>
    /// <param name="component">The component's supervisor.</param>
    /// <param name="options">Timeouts; the defaults when null.</param>
    public static ICommandService Make(ActorRef<ComponentMessage> component, CommandServiceOptions? options = null) =>
        new LocalCommandService(component ?? throw new ArgumentNullException(nameof(component)), options ?? CommandServiceOptions.Default);
}
