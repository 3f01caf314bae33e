using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// Downs this member when its process was suspended (SIGSTOP, a frozen VM) for longer than the
/// others wait before they may down it. Continued, such a member would otherwise see every other
/// member late at once, and its own split-brain resolver, deciding on that stale view before the
/// others' gossip arrives, could keep it as a cluster of its own: a zombie serving stale
/// registrations. Downing itself, it ends as the members the others downed do.
/// </summary>
/// <remarks>
/// A thread of its own notices the gap between two of its ticks: it does not depend on the thread
/// pool, which a busy process may starve without being suspended.
/// </remarks>
internal sealed class SuspendDetector : IExtension
{
    /// <summary>The HOCON path of the longest suspension a member survives.</summary>
    public const string LimitPath = "csw.cluster.down-self-after-suspension";

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly ExtendedActorSystem _system;

    private readonly TimeSpan _limit;

    /// <summary>Set when the actor system ends: the watch stops at once.</summary>
    private readonly ManualResetEventSlim _terminated = new();

    private SuspendDetector(ExtendedActorSystem system)
    {
        _system = system;
        _limit = system.Settings.Config.GetTimeSpan(LimitPath, TimeSpan.Zero);
        if (_limit > TimeSpan.Zero)
        {
            system.WhenTerminated.ContinueWith(_ => _terminated.Set(), TaskScheduler.Default);
            new Thread(Watch) { IsBackground = true, Name = "csw-suspend-detector" }.Start();
        }
    }

    private void Watch()
    {
        var cluster = Akka.Cluster.Cluster.Get(_system);
        var clock = Stopwatch.StartNew();
        var last = clock.Elapsed;
        // Each tick is a wait for the system's end that times out; a tick that comes late by more than
        // the limit means the whole process stood still.
        while (!_terminated.Wait(Tick))
        {
            var now = clock.Elapsed;
            var gap = now - last;
            last = now;
            if (gap > _limit && cluster.SelfMember.Status is MemberStatus.Up or MemberStatus.WeaklyUp)
            {
                _system.Log.Warning(
                    "This process was suspended for {0:0.0} s, longer than the cluster waits before it may down a member ({1:0.0} s): the others have downed it or will, so it downs itself",
                    gap.TotalSeconds, _limit.TotalSeconds);
                cluster.Down(cluster.SelfAddress);
                return;
            }
        }
    }

    internal sealed class Provider : ExtensionIdProvider<SuspendDetector>
    {
        public override SuspendDetector CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
