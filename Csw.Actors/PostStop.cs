namespace Csw.Actors;

/// <summary>Sent last, after the actor's children have stopped; the place to release resources.</summary>
public sealed record PostStop : Signal
{
    /// <summary>The one instance.</summary>
    public static PostStop Instance { get; } = new();

    private PostStop()
    {
    }
}
