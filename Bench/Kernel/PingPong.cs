using System.Diagnostics;
using System.Threading.Channels;
using Csw.Actors;

namespace Bench.Kernel;

/// <summary>
/// Ping-pong between pairs: each pair bounces <c>ballsPerPair</c> balls, each for <c>hits</c> messages.
/// The same protocol runs on actors and, as the raw baseline, on pairs of tasks over bare channels.
/// </summary>
internal static class PingPong
{
    /// <summary>Messages per second through <paramref name="pairs"/> actor pairs.</summary>
    public static async Task<double> ActorsAsync(int pairs, int ballsPerPair, int hits)
    {
        await using var system = ActorSystem.Create("pingpong");
        var round = new PingPongRound(pairs * ballsPerPair);
        var props = Props.Create<Ball>(() => new PingPongActor(round));
        var ends = Enumerable.Range(0, pairs).Select(_ => (A: system.Spawn(props), B: system.Spawn(props))).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var (a, b) in ends)
        {
            for (var i = 0; i < ballsPerPair; i++)
            {
                a.Tell(new Ball(a, b, hits));
            }
        }
        await round.Done;
        return (double)pairs * ballsPerPair * (hits + 1) / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Messages per second through <paramref name="pairs"/> pairs of tasks over bare channels.</summary>
    public static async Task<double> ChannelsAsync(int pairs, int ballsPerPair, int hits)
    {
        var ends = Enumerable.Range(0, pairs).Select(_ => (A: Channel.CreateUnbounded<int>(), B: Channel.CreateUnbounded<int>())).ToList();
        var watch = Stopwatch.StartNew();
        var players = new List<Task>();
        foreach (var (a, b) in ends)
        {
            for (var i = 0; i < ballsPerPair; i++)
            {
                a.Writer.TryWrite(hits);
            }
            var pair = new PairState(ballsPerPair, a.Writer, b.Writer);
            players.Add(PlayAsync(a.Reader, b.Writer, pair));
            players.Add(PlayAsync(b.Reader, a.Writer, pair));
        }
        await Task.WhenAll(players);
        return (double)pairs * ballsPerPair * (hits + 1) / watch.Elapsed.TotalSeconds;
    }

    private static async Task PlayAsync(ChannelReader<int> inbox, ChannelWriter<int> partner, PairState pair)
    {
        while (await inbox.WaitToReadAsync())
        {
            while (inbox.TryRead(out var hitsLeft))
            {
                if (hitsLeft > 0)
                {
                    partner.TryWrite(hitsLeft - 1);
                }
                else
                {
                    pair.BallDone();
                }
            }
        }
    }

    /// <summary>Ends both channels of a pair once all its balls are done.</summary>
    private sealed class PairState(int balls, ChannelWriter<int> a, ChannelWriter<int> b)
    {
        private int _left = balls;

        public void BallDone()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                a.TryComplete();
                b.TryComplete();
            }
        }
    }
}
