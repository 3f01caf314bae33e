namespace Csw.Actors.Internal;

/// <summary>An actor's stash: a bounded list handed back to the front of the mailbox. Used only from the actor's own turn.</summary>
internal sealed class StashBuffer<T>(ActorRef owner, int capacity, Action<IEnumerable<T>> handBack) : IStash<T>
{
    /// <summary>The stashed messages, oldest first.</summary>
    private readonly List<T> _messages = [];

    public int Count => _messages.Count;

    public int Capacity => capacity;

    public void Stash(T message)
    {
        if (_messages.Count >= capacity)
        {
            throw new StashOverflowException($"The stash of {owner.Path} is full ({capacity} messages); {message?.GetType().Name ?? "null"} was not stashed.");
        }
        _messages.Add(message);
    }

    public void UnstashAll()
    {
        if (_messages.Count == 0)
        {
            return;
        }
        handBack(_messages.ToArray());
        _messages.Clear();
    }
}
