using Akka.Actor;

namespace Csw.Crm.Internal;

/// <summary>
/// Where the CRM's answers go: told at once without a journal, or held until the events they
/// depend on are journaled (a caller must never see what a crash could take back).
/// </summary>
internal interface IOutbox
{
    void Send(IActorRef to, object message);
}

/// <summary>Tells every answer at once.</summary>
internal sealed class DirectOutbox : IOutbox
{
    public static readonly DirectOutbox Instance = new();

    public void Send(IActorRef to, object message) => to.Tell(message, ActorRefs.NoSender);
}

/// <summary>Holds answers until <see cref="Flush"/>.</summary>
internal sealed class HeldOutbox : IOutbox
{
    private List<(IActorRef To, object Message)>? _held;

    public bool IsEmpty => _held is null;

    public void Send(IActorRef to, object message) => (_held ??= []).Add((to, message));

    public void Flush()
    {
        foreach (var (to, message) in _held ?? [])
        {
            to.Tell(message, ActorRefs.NoSender);
        }
        _held = null;
    }
}

/// <summary>Drops every answer: while recovering from the journal nobody is waiting.</summary>
internal sealed class DiscardOutbox : IOutbox
{
    public static readonly DiscardOutbox Instance = new();

    public void Send(IActorRef to, object message)
    {
    }
}
