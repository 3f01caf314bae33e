namespace Csw.Actors.Internal;

/// <summary>A message adapter seen without its types: watching one watches the actor behind it.</summary>
internal interface IMessageAdapter
{
    /// <summary>The actor the adapter delivers to.</summary>
    ActorRef Target { get; }
}
