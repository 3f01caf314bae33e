using Csw.Actors;
using Xunit;

namespace Csw.TestKit;

/// <summary>
/// An xunit base class giving each test its own <see cref="ActorSystem"/>, terminated after the
/// test. xunit makes a new instance of the test class per test, so tests never share actors.
/// </summary>
public abstract class ActorTestKit : IAsyncLifetime
{
    /// <summary>Creates the kit and its system.</summary>
    /// <param name="options">Settings for the system; the defaults when null.</param>
    protected ActorTestKit(ActorSystemOptions? options = null)
    {
        System = ActorSystem.Create(SystemName(GetType().Name), options);
    }

    /// <summary>The test's actor system.</summary>
    protected ActorSystem System { get; }

    /// <summary>Makes a probe in the test's system.</summary>
    /// <typeparam name="T">The type of the messages it accepts.</typeparam>
    /// <param name="name">Its name; generated when null.</param>
    protected TestProbe<T> CreateProbe<T>(string? name = null) => new(System, name);

    /// <summary>Starts a top-level actor in the test's system.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="props">How to make it.</param>
    /// <param name="name">Its name; generated when null.</param>
    protected ActorRef<T> Spawn<T>(Props<T> props, string? name = null) => System.Spawn(props, name);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (!await System.TerminateAsync(TestTime.DefaultTimeout).ConfigureAwait(false))
        {
            throw new TestKitAssertionException($"{System} did not terminate within {TestTime.DefaultTimeout.TotalSeconds:0} s; an actor is stuck in a handler.");
        }
    }

    private static string SystemName(string typeName) => new(typeName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
}
