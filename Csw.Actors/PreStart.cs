namespace Csw.Actors;

/// <summary>Sent once to each new actor instance (also after a restart) before its first message.
/// Its handler may be async; messages wait until it finishes.</summary>
public sealed record PreStart : Signal
{
    /// <summary>The one instance.</summary>
    public static PreStart Instance { get; } = new();

    private PreStart()
    {
    }
}
