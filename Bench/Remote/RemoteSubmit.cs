using System.Diagnostics;
using System.Net.WebSockets;
using Bench.Command;
using Bench.Harness;
using Akka.Actor;
using Csw.Framework;
using Csw.Command;
using Csw.Location;
using Csw.Params;

namespace Bench.Remote;

/// <summary>Submit over loopback through the command endpoint, and the bare WebSocket echo it is compared with.</summary>
internal static class RemoteSubmit
{
    private static readonly Setup Go = new(Prefix.Parse("CSW.bench"), "go");

    /// <summary>An HCD behind a command endpoint, and a remote client for it.</summary>
    public sealed class Rig : IAsyncDisposable
    {
        private ActorSystem _system = null!;
        private CommandEndpoint _endpoint = null!;

        public ICommandService Service { get; private set; } = null!;

        public static async Task<Rig> StartAsync(bool session)
        {
            var rig = new Rig { _system = CswActorSystem.Create("remote") };
            var component = await LocalSubmit.StartAsync(rig._system, "remote");
            rig._endpoint = await CommandEndpoint.StartAsync(component);
            var registration = rig._endpoint.RegistrationFor(new ComponentId(Prefix.Parse("CSW.remote"), ComponentType.HCD));
            if (!session)
            {
                registration = registration with { Metadata = Metadata.Empty };
            }
            rig.Service = CommandServiceFactory.Make(registration.ToLocation("127.0.0.1"));
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            await ((IAsyncDisposable)Service).DisposeAsync();
            await _endpoint.DisposeAsync();
            await _system.Terminate();
        }
    }

    /// <summary>
    /// Round trips of an immediately completing Submit and of a bare WebSocket echo of the same
    /// request, measured in alternating blocks so that both see the same machine state (idle
    /// cores wake slower than busy ones, which otherwise swings the ratio either way).
    /// </summary>
    public static async Task<(double[] Submit, double[] Echo)> LatenciesAsync(Rig rig, int count)
    {
        await using var server = await EchoServer.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.Uri, default);
        var message = CswJson.ToUtf8Bytes<Csw.Params.Messages.CommandServiceRequest>(new Csw.Params.Messages.Submit(Go));
        var reply = new byte[64 * 1024];
        var (submit, echo) = (new double[count], new double[count]);
        const int block = 500;
        for (var done = -count / 5; done < count; done += block)
        {
            for (var i = done; i < done + block; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await rig.Service.SubmitAsync(Go);
                if (i >= 0 && i < count)
                {
                    submit[i] = Microseconds(start);
                }
            }
            for (var i = done; i < done + block; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await socket.SendAsync(message, WebSocketMessageType.Text, true, default);
                await socket.ReceiveAsync(reply, default);
                if (i >= 0 && i < count)
                {
                    echo[i] = Microseconds(start);
                }
            }
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
        Array.Sort(submit);
        Array.Sort(echo);
        return (submit, echo);
    }

    public static async Task<double> ThroughputAsync(Rig rig, int callers, TimeSpan duration)
    {
        long done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                await rig.Service.SubmitAsync(Go);
                Interlocked.Increment(ref done);
            }
        })));
        return Measure.Rate(done, watch.Elapsed);
    }

    private static double Microseconds(long start) => (Stopwatch.GetTimestamp() - start) * (1e6 / Stopwatch.Frequency);
}
