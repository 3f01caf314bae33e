namespace Csw.Actors.Tests.Support;

/// <summary>Small actors shared by several test classes.</summary>
internal static class TestActors
{
    /// <summary>Props of an actor that reports every signal it gets to <paramref name="signals"/>.</summary>
    public static Props<T> Reporting<T>(ActorRef<string> signals, string name, Action<IActorContext<T>, T>? receive = null) =>
        Props.Create<T>(() => new ReportingActor<T>(signals, name, receive));

    /// <summary>An actor that reports its signals as "name:SignalName" and runs an optional receive.</summary>
    public sealed class ReportingActor<T>(ActorRef<string> signals, string name, Action<IActorContext<T>, T>? receive) : IActor<T>
    {
        public ValueTask ReceiveAsync(IActorContext<T> context, T message)
        {
            receive?.Invoke(context, message);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnSignalAsync(IActorContext<T> context, Signal signal)
        {
            signals.Tell($"{name}:{signal.GetType().Name}");
            return ValueTask.CompletedTask;
        }
    }
}
