using Csw.Params.Coords;

namespace Csw.Params.Internal;

/// <summary>The wire-name tables of CSW's enumerations.</summary>
internal static class Names
{
    public static readonly EnumTable<Subsystem> Subsystems = new();
    public static readonly EnumTable<ComponentType> ComponentTypes = new();
    public static readonly EnumTable<CommandIssueKind> IssueKinds = new();
    public static readonly EnumTable<EqFrame> EqFrames = new();
    public static readonly EnumTable<SolarSystemObject> SolarSystemObjects = new();
}
