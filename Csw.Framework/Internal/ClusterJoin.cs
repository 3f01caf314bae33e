using Akka.Actor;
using Akka.Cluster;
using ClusterSettings = Csw.Location.ClusterSettings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Part of a hosted cluster member's start: waits until the member is up, however long the seeds
/// take to answer, saying every <see cref="ReportEvery"/> which seeds it is trying. A member given
/// no seeds starts a cluster of its own.
/// </summary>
internal sealed class ClusterJoin(ActorSystem system, ClusterSettings settings, ILogger log) : IHostedService
{
    /// <summary>How often a member that is not up yet says so.</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (settings.Seeds.Count == 0 && cluster.SelfMember.Status == MemberStatus.Removed)
        {
            cluster.Join(cluster.SelfAddress);
        }
        var waited = TimeSpan.Zero;
        while (!up.Task.IsCompleted)
        {
            try
            {
                await up.Task.WaitAsync(ReportEvery, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                waited += ReportEvery;
                log.LogWarning("Not in the cluster after {Seconds:0} s: no answer from the seeds {Seeds}; still trying", waited.TotalSeconds, Describe(settings));
            }
        }
        log.LogInformation("Member {Address} of the cluster {System}", cluster.SelfAddress, system.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The seeds as the operator gave them: <c>127.0.0.1:3552, 127.0.0.1:3553</c>.</summary>
    public static string Describe(ClusterSettings settings) => string.Join(", ", settings.Seeds.Select(seed => $"{seed.Host}:{seed.Port}"));
}
