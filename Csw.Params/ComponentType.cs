namespace Csw.Params;

/// <summary>The kind of a component; written on the wire by its name (<c>HCD</c>, <c>Assembly</c>, ...).</summary>
public enum ComponentType
{
    /// <summary>Hardware Control Daemon: drives hardware.</summary>
    HCD,
    /// <summary>Coordinates HCDs and other assemblies.</summary>
    Assembly,
    /// <summary>Hosts components in one process.</summary>
    Container,
    /// <summary>Runs observing scripts.</summary>
    Sequencer,
    /// <summary>Hosts a sequencer.</summary>
    SequenceComponent,
    /// <summary>A CSW service (location, config, ...).</summary>
    Service,
    /// <summary>A machine, as registered by an agent.</summary>
    Machine,
}
