using Csw.Actors.Internal;

namespace Csw.Actors;

/// <summary>Shortcuts for making <see cref="Props{T}"/>.</summary>
public static class Props
{
    /// <summary>Props for an actor class made by <paramref name="factory"/>, which may use the actor's context.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="factory">Makes a fresh instance, at start and at each restart.</param>
    public static Props<T> Create<T>(Func<IActorContext<T>, IActor<T>> factory) => new(factory);

    /// <summary>Props for an actor class made by <paramref name="factory"/>.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="factory">Makes a fresh instance, at start and at each restart.</param>
    public static Props<T> Create<T>(Func<IActor<T>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(_ => factory());
    }

    /// <summary>Props for a stateless actor given as one function.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="receive">Handles each message.</param>
    public static Props<T> FromFunc<T>(Func<IActorContext<T>, T, ValueTask> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        return new(_ => new FuncActor<T>(receive));
    }

    /// <summary>Props for a stateless actor given as one synchronous function.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="receive">Handles each message.</param>
    public static Props<T> FromFunc<T>(Action<IActorContext<T>, T> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        return new(_ => new FuncActor<T>((context, message) =>
        {
            receive(context, message);
            return ValueTask.CompletedTask;
        }));
    }
}
