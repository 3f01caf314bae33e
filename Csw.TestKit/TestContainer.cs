using Akka.TestKit;
using Csw.Command;
using Csw.Framework;
using Csw.Params;

namespace Csw.TestKit;

/// <summary>
/// A container started for a test by <see cref="ComponentTestKit.SpawnContainerAsync"/>: the
/// container, a command service per component, and one probe receiving every component's
/// CurrentState (each state names its publisher's prefix). Dispose it to shut the components down.
/// </summary>
public sealed class TestContainer : IAsyncDisposable
{
    internal TestContainer(Container container, TestProbe currentStates)
    {
        Container = container;
        CurrentStates = currentStates;
    }

    /// <summary>The running container.</summary>
    public Container Container { get; }

    /// <summary>Receives every <see cref="CurrentState"/> of every component, from the very first.</summary>
    public TestProbe CurrentStates { get; }

    /// <summary>A local command service for the component with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The component's prefix, as in the configuration.</param>
    /// <exception cref="ArgumentException">No component of the container has that prefix.</exception>
    public ICommandService CommandService(Prefix prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var index = Container.Config.Components.ToList().FindIndex(component => component.Prefix == prefix);
        return index >= 0
            ? CommandServiceFactory.Make(Container.Components[index])
            : throw new ArgumentException($"Container {Container.Config.Name} has no component {prefix}; it has {string.Join(", ", Container.Config.Components.Select(c => c.Prefix))}.", nameof(prefix));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Container.DisposeAsync();
}
