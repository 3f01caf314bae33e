using Csw.Params;

namespace Examples.AsyncCommandPattern;

/// <summary>What a controller manages: the slot it wants, the slot last seen, and the command in flight.</summary>
public sealed class FilterResource(string wheel, int desiredSlot)
{
    public string Wheel { get; } = wheel;

    public int DesiredSlot { get; set; } = desiredSlot;

    public int? ObservedSlot { get; set; }

    /// <summary>The move in flight; null when none.</summary>
    public Id? Processing { get; set; }

    /// <summary>The last failure, if the last move failed.</summary>
    public string? LastError { get; set; }
}
