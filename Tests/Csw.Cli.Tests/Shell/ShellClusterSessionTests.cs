using Csw.Cli.Common;
using Csw.Cli.Shell;
using Csw.Location;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Cli.Tests.Shell;

/// <summary>The shell's session as a member of a cluster (one of its own, here).</summary>
public sealed class ShellClusterSessionTests : IAsyncLifetime
{
    private readonly CapturedOutput _output = new();

    private ShellSession _session = null!;

    private ClusterMember _member = null!;

    public async Task InitializeAsync()
    {
        _member = ClusterMember.Start(ClusterSettings.Default.WithPort(0), NullLoggerFactory.Instance);
        await _member.JoinAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        _session = new ShellSession(_member, token: null, new ShellOutput(_output));
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Downed_SaysSoOnceNamingItselfAndHowToRejoin()
    {
        var cluster = Akka.Cluster.Cluster.Get(_member.System);
        var address = cluster.SelfAddress.ToString();
        // What the others do to a member they can no longer reach.
        cluster.Down(cluster.SelfAddress);
        await _session.ClusterEnded.WaitAsync(TimeSpan.FromSeconds(30));
        var said = Assert.Single(_output.Lines, line => line.Contains("downed"));
        Assert.Equal($"This shell ({address}) was removed from the cluster: the other members downed it (it was frozen or cut off from them). Start it again to rejoin. Until then nothing here reaches the cluster: commands and watches fail.", said);
    }

    [Fact]
    public async Task Left_OnExit_SaysNothingOfDowning()
    {
        await _member.DisposeAsync();
        await _session.ClusterEnded.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(_output.Lines, line => line.Contains("downed"));
    }
}
