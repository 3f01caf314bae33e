using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Csw.Command.Internal.Remote;
using Csw.Command.Tests.Remote;
using Csw.Framework;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests.Internal.Remote;

public sealed class CswMessageSerializerTests() : ComponentTestKit(config: AkkaRemoteComponent.RemoteConfig)
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private object RoundTrip(object message)
    {
        var serialization = Sys.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<CswMessageSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        return serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
    }

    public static TheoryData<string> Responses => ["Accepted", "Started", "Completed", "Invalid", "Error", "Cancelled", "Locked"];

    [Fact]
    public void Submit_RoundTrip_CommandAndReplyAddressKept()
    {
        var probe = CreateTestProbe();
        var command = new Setup(Client, "move").Add(Keys.Int("target").Set(3)).Add(Keys.String("mode").Set("fast"));
        var back = Assert.IsType<ComponentMessage.Submit>(RoundTrip(new ComponentMessage.Submit(command, probe.Ref)));
        Assert.Equal(command, back.Command);
        Assert.Equal(probe.Ref, back.ReplyTo);
    }

    [Fact]
    public void Submit_WithATraceParent_RoundTripKeepsIt()
    {
        var parent = new System.Diagnostics.ActivityContext(System.Diagnostics.ActivityTraceId.CreateRandom(), System.Diagnostics.ActivitySpanId.CreateRandom(), System.Diagnostics.ActivityTraceFlags.Recorded);
        var message = new ComponentMessage.Submit(new Setup(Client, "move"), CreateTestProbe().Ref) { TraceParent = parent };
        var back = Assert.IsType<ComponentMessage.Submit>(RoundTrip(message));
        Assert.Equal(parent.TraceId, back.TraceParent.TraceId);
        Assert.Equal(parent.SpanId, back.TraceParent.SpanId);
        Assert.Equal(message.Command, back.Command);
    }

    [Fact]
    public void AdminMessagesAndAnswers_RoundTrip_Equal()
    {
        var probe = CreateTestProbe().Ref;
        object[] messages =
        [
            new SupervisorMessage.Lock(Client, TimeSpan.FromSeconds(90), probe),
            new SupervisorMessage.Unlock(Client, probe),
            new SupervisorMessage.GoOnline { ReplyTo = probe },
            new SupervisorMessage.GoOffline(),
            new SupervisorMessage.DiagnosticMode(new UtcTime(1_600_000_000, 5), "engineering") { ReplyTo = probe },
            new SupervisorMessage.OperationsMode(),
            new SupervisorMessage.Restart { ReplyTo = probe },
            new SupervisorMessage.Shutdown(),
            new SupervisorMessage.GetSupervisorLifecycleState(probe),
            new SupervisorMessage.GetLogLevel(probe),
            new SupervisorMessage.SetLogLevel(Microsoft.Extensions.Logging.LogLevel.Debug, probe),
            new LockingResponse.AcquiringLockFailed("held by WFOS.other"),
            new LockingResponse.LockReleased(),
            SupervisorLifecycleState.RunningOffline,
            new ComponentLogLevel(Microsoft.Extensions.Logging.LogLevel.Warning, Microsoft.Extensions.Logging.LogLevel.Information),
        ];
        foreach (var message in messages)
        {
            Assert.Equal(message, RoundTrip(message));
        }
    }

    [Fact]
    public void Submit_WithRequestIdAndDeadline_RoundTripKeepsBoth()
    {
        var probe = CreateTestProbe();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var back = Assert.IsType<ComponentMessage.Submit>(RoundTrip(new ComponentMessage.Submit(new Setup(Client, "move"), probe.Ref) { RequestId = "req-7", Deadline = deadline }));
        Assert.Equal("req-7", back.RequestId);
        // Sent as the time left, so the two machines' clocks need not agree: within a second here.
        Assert.InRange(back.Deadline!.Value, deadline.AddSeconds(-1), deadline.AddSeconds(1));
    }

    [Fact]
    public void OnewayAndQueryFinal_WithExtras_RoundTripKeepsThem()
    {
        var probe = CreateTestProbe();
        var oneway = Assert.IsType<ComponentMessage.Oneway>(RoundTrip(new ComponentMessage.Oneway(new Setup(Client, "move"), probe.Ref) { RequestId = "one" }));
        Assert.Equal("one", oneway.RequestId);
        Assert.Null(oneway.Deadline);
        var queryFinal = Assert.IsType<ComponentMessage.QueryFinal>(RoundTrip(new ComponentMessage.QueryFinal(new Id("r"), probe.Ref) { Deadline = DateTime.UtcNow.AddMinutes(1) }));
        Assert.Equal(new Id("r"), queryFinal.RunId);
        Assert.NotNull(queryFinal.Deadline);
    }

    [Fact]
    public void EveryComponentMessage_RoundTrip_Equal()
    {
        var probe = CreateTestProbe().Ref;
        var observe = new Observe(Client, "expose");
        object[] messages =
        [
            new ComponentMessage.Validate(observe, probe),
            new ComponentMessage.Oneway(observe, probe),
            new ComponentMessage.Query(new Id("r1"), probe),
            new ComponentMessage.QueryFinal(new Id("r2"), probe),
            new ComponentMessage.UnsubscribeCurrentState(probe),
        ];
        foreach (var message in messages)
        {
            Assert.Equal(message, RoundTrip(message));
        }
        var subscribe = Assert.IsType<ComponentMessage.SubscribeCurrentStateTo>(RoundTrip(new ComponentMessage.SubscribeCurrentStateTo([new StateName("position")], probe, probe)));
        Assert.Equal([new StateName("position")], subscribe.Names!);
        Assert.Null(Assert.IsType<ComponentMessage.SubscribeCurrentStateTo>(RoundTrip(new ComponentMessage.SubscribeCurrentStateTo(null, probe, probe))).Names);
    }

    [Fact]
    public void ResponsesAndStates_RoundTrip_Equal()
    {
        var runId = new Id("r");
        CommandResponse[] responses =
        [
            new Accepted(runId), new Started(runId), new Completed(runId, new Result().Add(Keys.Double("t").Set(1.5))),
            new Invalid(runId, new CommandIssue(CommandIssueKind.HCDBusyIssue, "busy")), new Error(runId, "jammed"), new Cancelled(runId), new Locked(runId),
        ];
        foreach (var response in responses)
        {
            Assert.Equal(response, RoundTrip(response));
        }
        var state = new CurrentState(Client, "position").Add(Keys.Int("position").Set(4));
        Assert.Equal(state, RoundTrip(state));
    }

    [Fact]
    public void FromBinary_Garbage_SerializationExceptionNamingTheManifest()
    {
        var serializer = new CswMessageSerializer((ExtendedActorSystem)Sys);
        var e = Assert.Throws<SerializationException>(() => serializer.FromBinary("{\"command\":"u8.ToArray(), "S"));
        Assert.Contains("'S'", e.Message);
        Assert.Throws<SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "no-such-manifest"));
    }

    [Fact]
    public void FromBinary_EveryTruncationAndByteFlip_SerializationExceptionOrAMessage()
    {
        var serializer = new CswMessageSerializer((ExtendedActorSystem)Sys);
        var probe = CreateTestProbe().Ref;
        object[] messages =
        [
            new ComponentMessage.Submit(new Setup(Client, "move").Add(Keys.Int("target").Set(3)), probe),
            new ComponentMessage.QueryFinal(new Id("r2"), probe),
            new ComponentMessage.SubscribeCurrentStateTo([new StateName("a"), new StateName("b")], probe, probe),
        ];
        var random = new Random(7);
        foreach (var message in messages)
        {
            var bytes = serializer.ToBinary(message);
            var manifest = serializer.Manifest(message);
            var mangled = Enumerable.Range(0, bytes.Length).Select(length => bytes[..length])
                .Concat(Enumerable.Range(0, 200).Select(_ =>
                {
                    var copy = (byte[])bytes.Clone();
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    return copy;
                }));
            foreach (var input in mangled)
            {
                try
                {
                    Assert.NotNull(serializer.FromBinary(input, manifest));
                }
                catch (SerializationException)
                {
                }
            }
        }
    }

    [Fact]
    public void FromBinary_ReplyAddressNotAnActorPath_SerializationExceptionNamingIt()
    {
        var serializer = new CswMessageSerializer((ExtendedActorSystem)Sys);
        var bytes = new EnvelopeWriter().Text("no-scheme/user/x").Command(new Setup(Client, "move"));
        var e = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "S"));
        Assert.Contains("'no-scheme/user/x' is not an actor path", e.Message);
    }

    [Fact]
    public void ToBinary_InProcessSubscription_RefusedNamingTheRemoteForm()
    {
        var serializer = new CswMessageSerializer((ExtendedActorSystem)Sys);
        var e = Assert.Throws<NotSupportedException>(() => serializer.ToBinary(new ComponentMessage.SubscribeCurrentState(null, CreateTestProbe().Ref)));
        Assert.Contains("SubscribeCurrentStateTo", e.Message);
    }

    /// <summary>Claims CswNet's identifier and writes bytes CswNet cannot read: a member running something else.</summary>
    private sealed class Impostor(ExtendedActorSystem system) : SerializerWithStringManifest(system)
    {
        public override int Identifier => CswMessageSerializer.Id;

        public override string Manifest(object o) => "S";

        public override byte[] ToBinary(object obj) => "not json"u8.ToArray();

        public override object FromBinary(byte[] bytes, string manifest) => throw new NotSupportedException();
    }

    private sealed record Unreadable;

    /// <summary>Keeps what a system logs.</summary>
    private sealed class LogCollector : ReceiveActor
    {
        public LogCollector(System.Collections.Concurrent.ConcurrentQueue<string> logged) =>
            Receive<Akka.Event.LogEvent>(log => logged.Enqueue($"{log.Message} {log.Cause?.Message}"));
    }

    [Fact]
    public async Task UndeserializableMessageFromAMember_LoggedAndDropped_ConnectionSurvives()
    {
        await using var remote = new AkkaRemoteComponent();
        var service = await remote.StartAsync(Sys, new ContractHcdControl(), null);
        var impostor = new Impostor((ExtendedActorSystem)Sys);
        Sys.Serialization.AddSerializationMap(typeof(Unreadable), impostor);

        var logged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        remote.Server.EventStream.Subscribe(remote.Server.ActorOf(Props.Create(() => new LogCollector(logged))), typeof(Akka.Event.LogEvent));
        var supervisor = await Sys.ActorSelection(remote.Component!.Path.ToStringWithAddress(((ExtendedActorSystem)remote.Server).Provider.DefaultAddress)).ResolveOne(TimeSpan.FromSeconds(5));
        supervisor.Tell(new Unreadable());

        await AwaitAssertAsync(() => Assert.Contains(logged, line => line.Contains("Cannot read a CswNet message 'S'")));
        Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Client, "complete")));
    }
}
