namespace Csw.Params;

/// <summary>
/// CSW's 19 kinds of <see cref="CommandIssue"/>. The member names are CSW's type names, which the wire
/// format writes as the issue's <c>_type</c>.
/// </summary>
public enum CommandIssueKind
{
    /// <summary>The runId is not known.</summary>
    IdNotAvailableIssue,
    /// <summary>A required key is missing.</summary>
    MissingKeyIssue,
    /// <summary>The command's prefix is wrong.</summary>
    WrongPrefixIssue,
    /// <summary>A parameter has the wrong type.</summary>
    WrongParameterTypeIssue,
    /// <summary>A parameter has the wrong units.</summary>
    WrongUnitsIssue,
    /// <summary>A parameter has the wrong number of values, or the command the wrong number of parameters.</summary>
    WrongNumberOfParametersIssue,
    /// <summary>The assembly is busy.</summary>
    AssemblyBusyIssue,
    /// <summary>Locations the component needs cannot be resolved.</summary>
    UnresolvedLocationsIssue,
    /// <summary>A parameter value is out of range.</summary>
    ParameterValueOutOfRangeIssue,
    /// <summary>The component is in the wrong internal state.</summary>
    WrongInternalStateIssue,
    /// <summary>The command is not supported in the current state.</summary>
    UnsupportedCommandInStateIssue,
    /// <summary>The command is not supported.</summary>
    UnsupportedCommandIssue,
    /// <summary>A service the component needs is unavailable.</summary>
    RequiredServiceUnavailableIssue,
    /// <summary>An HCD the component needs is unavailable.</summary>
    RequiredHCDUnavailableIssue,
    /// <summary>The HCD is busy.</summary>
    HCDBusyIssue,
    /// <summary>An assembly the component needs is unavailable.</summary>
    RequiredAssemblyUnavailableIssue,
    /// <summary>A sequencer the component needs is unavailable.</summary>
    RequiredSequencerUnavailableIssue,
    /// <summary>Any other problem.</summary>
    OtherIssue,
    /// <summary>The command has the wrong type (e.g. an Observe where a Setup is expected).</summary>
    WrongCommandTypeIssue,
}
