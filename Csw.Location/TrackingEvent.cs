namespace Csw.Location;

/// <summary>A change of a tracked connection: <see cref="LocationUpdated"/> or <see cref="LocationRemoved"/>.</summary>
public abstract record TrackingEvent
{
    private protected TrackingEvent()
    {
    }

    /// <summary>The connection tracked.</summary>
    public abstract Connection Connection { get; }
}
