namespace Csw.Location.Tests.Support;

/// <summary>
/// The process tests run alone, after the parallel ones: their members' failure detectors allow
/// pauses of 1.5 s, and a test process starved by other suites' actor systems could be taken for
/// dead and downed; alone, the crash bounds they assert are the members' own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessCollection
{
    public const string Name = "cluster processes";
}
