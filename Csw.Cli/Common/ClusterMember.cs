using Akka.Actor;
using Akka.Cluster;
using ClusterSettings = Csw.Location.ClusterSettings;
using Csw.Framework;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Csw.Cli.Common;

/// <summary>
/// This process as a member of the cluster, outside a Generic Host: <c>csw location-server</c>,
/// <c>csw watch</c>, the shell, and one-shot clients given seeds. Disposing it leaves the cluster
/// (the others see it go at once, not after the failure detector).
/// </summary>
internal sealed class ClusterMember : IAsyncDisposable
{
    /// <summary>How often a member that is not in yet says so.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    private ClusterMember(ActorSystem system, ClusterSettings settings)
    {
        System = system;
        Settings = settings;
    }

    public ActorSystem System { get; }

    public ClusterSettings Settings { get; }

    /// <summary>The member's own address, <c>akka.tcp://csw-system@127.0.0.1:3552</c>.</summary>
    public string Address => Cluster.Get(System).SelfAddress.ToString();

    /// <summary>The port it listens on for the cluster (the one it got, when asked for any).</summary>
    public int Port => Cluster.Get(System).SelfAddress.Port ?? Settings.Port;

    /// <summary>Starts the member's actor system; it joins through the seeds (or, given none, starts a cluster of its own) in the background.</summary>
    /// <exception cref="ClusterPortException">The cluster port cannot be listened on.</exception>
    public static ClusterMember Start(ClusterSettings settings, ILoggerFactory loggerFactory)
    {
        ActorSystem system;
        try
        {
            system = CswActorSystem.Create(settings.SystemName, loggerFactory, ConsoleLogging.AkkaLevel.WithFallback(settings.ToConfig()));
        }
        catch (Exception e) when (e is Akka.Remote.RemoteTransportException or Akka.Configuration.ConfigurationException)
        {
            throw new ClusterPortException($"Cannot listen for the cluster on {settings.Hostname}:{settings.Port}: {e.InnerException?.Message ?? e.Message} (give another --cluster-port, or 0 for any free one).", e);
        }
        if (settings.Seeds.Count == 0)
        {
            Cluster.Get(system).Join(Cluster.Get(system).SelfAddress);
        }
        return new ClusterMember(system, settings);
    }

    /// <summary>
    /// Waits until this member is up in the cluster, saying every 5 s on standard error which seeds it
    /// is trying; gives up after <paramref name="giveUpAfter"/> (never when null).
    /// </summary>
    /// <exception cref="TimeoutException">No seed let it in within <paramref name="giveUpAfter"/>; the message names them.</exception>
    public async Task JoinAsync(TimeSpan? giveUpAfter, CancellationToken cancellationToken)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(System).RegisterOnMemberUp(() => up.TrySetResult());
        var waited = TimeSpan.Zero;
        while (!up.Task.IsCompleted)
        {
            var step = giveUpAfter is { } limit && limit - waited < ReportEvery ? limit - waited : ReportEvery;
            try
            {
                await up.Task.WaitAsync(step, cancellationToken);
            }
            catch (TimeoutException)
            {
                waited += step;
                if (waited >= giveUpAfter)
                {
                    throw new TimeoutException($"Could not join the cluster within {waited.TotalSeconds:0.#} s: no answer from the seeds {ClusterOptions.Describe(Settings)}. Are they running (csw location-server)?");
                }
                await Console.Error.WriteLineAsync($"Not in the cluster after {waited.TotalSeconds:0} s: no answer from the seeds {ClusterOptions.Describe(Settings)}; still trying.");
            }
        }
    }

    /// <summary>A location service on the cluster, whose HTTP locations carry <paramref name="hostname"/>.</summary>
    public ILocationService Locations(string hostname, ILoggerFactory? loggerFactory) =>
        LocationServiceFactory.CreateCluster(System, ClusterLocationOptions.Default.WithService(LocationServiceOptions.Default.WithHostname(hostname).WithLoggerFactory(loggerFactory)));

    /// <summary>
    /// True once the other members downed this one (it was frozen or cut off, and the split-brain
    /// resolver kept the other side): its actor system has ended, and the process should end too, with
    /// <see cref="ExitCodes.Unavailable"/>, for its supervisor to start it again.
    /// </summary>
    public static bool WasDowned(ActorSystem system) =>
        CoordinatedShutdown.Get(system).ShutdownReason is CoordinatedShutdown.ClusterDowningReason;

    /// <summary>What a process prints when it was downed.</summary>
    public static string DownedMessage(string what) =>
        $"{what} was removed from the cluster: the other members downed it (it was frozen or cut off from them). Start it again to rejoin.";

    /// <summary>Leaves the cluster and ends the actor system.</summary>
    public async ValueTask DisposeAsync() => await System.Terminate();
}
