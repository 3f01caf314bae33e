namespace Csw.Actors.Internal;

/// <summary>An actor's live children by name. Not thread-safe: a cell uses it from its own turn, the guardian under its lock.</summary>
internal sealed class ChildrenContainer
{
    /// <summary>The children by name.</summary>
    private readonly Dictionary<string, ActorRef> _byName = new(StringComparer.Ordinal);

    public int Count => _byName.Count;

    public IReadOnlyCollection<ActorRef> All => _byName.Values;

    public bool Contains(ActorRef child) => _byName.TryGetValue(NameOf(child), out var found) && ReferenceEquals(found, child);

    public void Add(string name, ActorRef child)
    {
        if (!_byName.TryAdd(name, child))
        {
            throw new InvalidActorNameException($"An actor named '{name}' already exists under the same parent.");
        }
    }

    public bool Remove(ActorRef child)
    {
        var name = NameOf(child);
        return _byName.TryGetValue(name, out var found) && ReferenceEquals(found, child) && _byName.Remove(name);
    }

    /// <summary>Forgets every child at once (on restart), returning them.</summary>
    public List<ActorRef> DetachAll()
    {
        var all = _byName.Values.ToList();
        _byName.Clear();
        return all;
    }

    private static string NameOf(ActorRef child) => child is IChild named ? named.Name : child.Path.Name;
}
