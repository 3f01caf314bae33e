using Csw.Actors;
using Csw.Params;

namespace Csw.Crm.Internal;

/// <summary>What the CRM remembers of one command: its latest response and who waits for the final one.</summary>
internal sealed class CommandEntry(ISubmitResponse latest)
{
    /// <summary>The latest response; final once the command has finished.</summary>
    public ISubmitResponse Latest { get; set; } = latest;

    /// <summary>QueryFinal callers waiting for the final response; null when none.</summary>
    public List<ActorRef<ISubmitResponse>>? Waiters { get; set; }

    public bool IsFinished => Latest.IsFinal;
}
