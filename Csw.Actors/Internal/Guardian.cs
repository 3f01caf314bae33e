namespace Csw.Actors.Internal;

/// <summary>
/// The parent of the top-level actors, <c>csw://system/user</c>. Not an actor: spawning happens
/// on callers' threads, so its children are guarded by a lock. It completes
/// <see cref="AllStopped"/> once the system is terminating and its last child has stopped.
/// </summary>
internal sealed class Guardian(ActorSystem system) : ActorRef
{
    /// <summary>The top-level actors; guarded by itself.</summary>
    private readonly ChildrenContainer _children = new();

    /// <summary>Completed when terminating and no child is left.</summary>
    private readonly TaskCompletionSource _allStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The root path.</summary>
    private readonly ActorPath _path = new(null, "user", system.Name);

    /// <summary>Set once termination starts; no spawning after it.</summary>
    private bool _terminating;

    public override ActorPath Path => _path;

    internal override ActorSystem System => system;

    public Task AllStopped => _allStopped.Task;

    public IReadOnlyList<ActorRef> Children
    {
        get
        {
            lock (_children)
            {
                return _children.All.ToList();
            }
        }
    }

    public ActorRef<T> Spawn<T>(Props<T> props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = ActorNames.Generate();
        }
        else
        {
            ActorNames.Validate(name);
        }
        var child = new ActorCell<T>(system, this, props, name);
        lock (_children)
        {
            if (_terminating)
            {
                throw new InvalidOperationException($"Actor system '{system.Name}' is terminating; no actor can be started.");
            }
            _children.Add(name, child);
        }
        child.SendSystem(new Create());
        return child;
    }

    public bool IsChild(ActorRef actor)
    {
        lock (_children)
        {
            return _children.Contains(actor);
        }
    }

    /// <summary>Stops every top-level actor.</summary>
    public void StopAll()
    {
        List<ActorRef> children;
        lock (_children)
        {
            _terminating = true;
            children = _children.All.ToList();
            if (children.Count == 0)
            {
                _allStopped.TrySetResult();
            }
        }
        foreach (var child in children)
        {
            child.SendSystem(new StopActor());
        }
    }

    internal override void SendSystem(SystemMessage message)
    {
        if (message is ChildTerminated terminated)
        {
            lock (_children)
            {
                _children.Remove(terminated.Child);
                if (_terminating && _children.Count == 0)
                {
                    _allStopped.TrySetResult();
                }
            }
        }
    }
}
