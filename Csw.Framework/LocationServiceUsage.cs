namespace Csw.Framework;

/// <summary>How a component uses the location service (CSW's <c>LocationServiceUsage</c>).</summary>
public enum LocationServiceUsage
{
    /// <summary>Neither registers nor tracks: only those holding its reference can command it.</summary>
    DoNotRegister,

    /// <summary>Registers once Running, but does not track its <see cref="ComponentInfo.Connections"/>.</summary>
    RegisterOnly,

    /// <summary>Registers once Running and tracks its connections, telling the handlers of every change (the default).</summary>
    RegisterAndTrackServices,
}
