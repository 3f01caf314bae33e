using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Bench.Command;
using Bench.Harness;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Csw.Params;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Remote;

/// <summary>
/// Submit over Akka.Remote to a component in a child process (its pekko location), against a bare
/// Akka.Remote Ask to an echo actor in the same child, both measured in one run over the same
/// association.
/// </summary>
internal static class AkkaRemoteSubmit
{
    public const string ChildMode = "akka-remote-child";

    private const string RemoteConfig = """
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        """;

    private static readonly Setup Go = new(Prefix.Parse("CSW.bench"), "go");

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }

    /// <summary>The child: a component and an echo actor, their actor URIs on stdout, until killed.</summary>
    public static async Task<int> RunChildAsync()
    {
        var system = CswActorSystem.Create("bench-child", NullLoggerFactory.Instance, ConfigurationFactory.ParseString(RemoteConfig));
        var component = await LocalSubmit.StartAsync(system, "remote");
        var echo = system.ActorOf(Props.Create(() => new Echo()), "echo");
        Console.WriteLine($"ready {ActorUri.For(component, system)} {ActorUri.For(echo, system)}");
        await system.WhenTerminated;
        return 0;
    }

    public static async Task ReportAsync(BenchReport report, int samples)
    {
        var system = CswActorSystem.Create("bench-parent", NullLoggerFactory.Instance, ConfigurationFactory.ParseString(RemoteConfig));
        using var child = StartChild(out var componentUri, out var echoUri);
        try
        {
            if (!ActorUri.TryResolve(componentUri, system, out var component) || !ActorUri.TryResolve(echoUri, system, out var echo))
            {
                throw new InvalidOperationException($"Cannot resolve {componentUri} or {echoUri}.");
            }
            var service = CommandServiceFactory.Make(component, system: system);
            var (submit, ask) = await Measure.AlternatingAsync(() => service.SubmitAndWaitAsync(Go), () => echo.Ask<string>("ping", TimeSpan.FromSeconds(10)), samples, nanosecondsPerUnit: 1000);
            report.Add("akka_remote_submit_p50", Measure.Percentile(submit, 50), "us", Measure.Percentile(ask, 50));
            report.Add("akka_remote_submit_p99", Measure.Percentile(submit, 99), "us", Measure.Percentile(ask, 99));
            var (submitRate, askRate) = await Measure.AlternatingMedianRatesAsync(
                () => ThroughputAsync(_ => service.SubmitAndWaitAsync(Go), 64, TimeSpan.FromSeconds(2)),
                () => ThroughputAsync(_ => echo.Ask<string>("ping", TimeSpan.FromSeconds(10)), 64, TimeSpan.FromSeconds(2)),
                rounds: 5);
            report.Add("akka_remote_submit_throughput_64", submitRate, "cmd/s", askRate);
            report.Add("akka_remote_serialize_submit", SerializeNanoseconds(system, component), "ns");
            var (json, binary) = CommandFormNanoseconds();
            report.Add("akka_remote_command_json", json, "ns", binary);
        }
        finally
        {
            child.Kill();
            await system.Terminate();
        }
    }

    private static async Task<double> ThroughputAsync(Func<int, Task> call, int callers, TimeSpan duration)
    {
        var done = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await call(caller);
                Interlocked.Increment(ref done);
            }
        })));
        return Measure.Rate(Interlocked.Read(ref done), clock.Elapsed);
    }

    /// <summary>Nanoseconds to write and read back a Submit with CSW's JSON (what crosses the wire per command, besides the response).</summary>
    private static double SerializeNanoseconds(ActorSystem system, IActorRef replyTo)
    {
        var message = new ComponentMessage.Submit(Go.Add(Keys.Int("target").Set(3)).Add(Keys.Double("speed").Set(1.5)), replyTo);
        var serializer = system.Serialization.FindSerializerFor(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        return Nanoseconds(() => system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest), rounds: 50_000);
    }

    /// <summary>
    /// Nanoseconds to write and read back the same command as CSW's JSON (what the serializer does) and
    /// in a compact binary form (<see cref="BinaryCommandForm"/>): what a binary form could save.
    /// </summary>
    private static (double Json, double Binary) CommandFormNanoseconds()
    {
        var command = Go.Add(Keys.Int("target").Set(3)).Add(Keys.Double("speed").Set(1.5));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        if (BinaryCommandForm.Read(Binary(command, buffer)) != command || CswJson.Deserialize<ControlCommand>(CswJson.ToUtf8Bytes<ControlCommand>(command)) != command)
        {
            throw new InvalidOperationException("A form does not read back the command it wrote.");
        }
        var json = Nanoseconds(() => CswJson.Deserialize<ControlCommand>(CswJson.ToUtf8Bytes<ControlCommand>(command)), rounds: 200_000);
        var binary = Nanoseconds(() => BinaryCommandForm.Read(Binary(command, buffer)), rounds: 200_000);
        return (json, binary);

        static ReadOnlySpan<byte> Binary(Setup command, System.Buffers.ArrayBufferWriter<byte> buffer)
        {
            buffer.ResetWrittenCount();
            BinaryCommandForm.Write(command, buffer);
            return buffer.WrittenSpan;
        }
    }

    /// <summary>Nanoseconds per call of <paramref name="roundTrip"/>, timed over <paramref name="rounds"/> calls after as many warm-up calls.</summary>
    private static double Nanoseconds(Func<object> roundTrip, int rounds)
    {
        // As many warm-up rounds: the JIT's tiers take tens of thousands of calls to settle.
        for (var i = 0; i < rounds; i++)
        {
            roundTrip();
        }
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < rounds; i++)
        {
            roundTrip();
        }
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / rounds;
    }

    private static Process StartChild(out Uri component, out Uri echo)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(AkkaRemoteSubmit).Assembly.Location);
        }
        start.ArgumentList.Add(ChildMode);
        var child = Process.Start(start)!;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                (component, echo) = (new Uri(parts[1]), new Uri(parts[2]));
                return child;
            }
        }
        throw new InvalidOperationException("The child process ended before it was ready.");
    }
}
