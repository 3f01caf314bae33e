using Akka.Actor;
using Csw.Framework;

namespace Bench.Harness;

/// <summary>An actor system for one measurement, terminated on <c>await using</c>'s dispose.</summary>
internal sealed class BenchSystem(string name) : IAsyncDisposable
{
    public ActorSystem System { get; } = CswActorSystem.Create(name);

    public ValueTask DisposeAsync() => new(System.Terminate());
}
