namespace Csw.Cli.Tests.Support;

/// <summary>
/// The cluster's process tests run alone, after the parallel ones: they start many processes, and
/// members starved of the machine's cores by other tests could be taken for dead and downed; alone,
/// the crash bounds they assert are the members' own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterDeploymentCollection
{
    public const string Name = "cluster deployment";
}
