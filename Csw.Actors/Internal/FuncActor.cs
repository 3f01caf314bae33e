namespace Csw.Actors.Internal;

/// <summary>An actor given as one function (see <see cref="Props.FromFunc{T}(Func{IActorContext{T}, T, ValueTask})"/>).</summary>
internal sealed class FuncActor<T>(Func<IActorContext<T>, T, ValueTask> receive) : IActor<T>
{
    public ValueTask ReceiveAsync(IActorContext<T> context, T message) => receive(context, message);
}
