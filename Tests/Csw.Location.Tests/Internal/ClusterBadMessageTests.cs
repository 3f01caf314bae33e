using System.Threading.Channels;
using Akka.Actor;
using Akka.Configuration;
using Csw.Location.Internal.Cluster;
using Csw.Location.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Internal;

/// <summary>A member sent bytes that the location serializer cannot read: logged and dropped, and the connection lives on.</summary>
public sealed class ClusterBadMessageTests : IAsyncLifetime
{
    private ActorSystem _receiver = null!;
    private ActorSystem _sender = null!;

    public Task InitializeAsync()
    {
        _receiver = ActorSystem.Create("receiver", ConfigurationFactory.ParseString("akka.loglevel = WARNING, akka.stdout-loglevel = OFF")
            .WithFallback(ClusterSettings.Default.WithPort(0).ToConfig()));
        _sender = ActorSystem.Create("sender", ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.actor.serializers.garbage = "{{typeof(GarbageSerializer).FullName}}, {{typeof(GarbageSerializer).Assembly.GetName().Name}}"
            akka.actor.serialization-bindings { "{{typeof(GarbageSerializer.Garbage).FullName}}, {{typeof(GarbageSerializer.Garbage).Assembly.GetName().Name}}" = garbage }
            """));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sender.Terminate();
        await _receiver.Terminate();
    }

    [Fact]
    public async Task Receive_UndeserializableLocationMessage_LoggedDroppedAndConnectionSurvives()
    {
        var received = Channel.CreateUnbounded<object>();
        var warnings = Channel.CreateUnbounded<string>();
        _receiver.ActorOf(Props.Create(() => new Inbox(received.Writer)), "inbox");
        _receiver.EventStream.Subscribe(_receiver.ActorOf(Props.Create(() => new Inbox(Channel.CreateUnbounded<object>().Writer, warnings.Writer))), typeof(Akka.Event.Warning));
        var address = ((ExtendedActorSystem)_receiver).Provider.DefaultAddress;
        var inbox = _sender.ActorSelection($"{address}/user/inbox");
        inbox.Tell("before");
        Assert.Equal("before", await received.Reader.ReadAsync().AsTask().WaitAsync(TestTime.DefaultTimeout));

        inbox.Tell(new GarbageSerializer.Garbage());
        inbox.Tell("after");

        Assert.Equal("after", await received.Reader.ReadAsync().AsTask().WaitAsync(TestTime.DefaultTimeout));
        // Other warnings may come first (the registrar's proxy of this member, which never joins a cluster).
        string warning;
        do
        {
            warning = await warnings.Reader.ReadAsync().AsTask().WaitAsync(TestTime.DefaultTimeout);
        }
        while (!warning.Contains("Deserialization failed", StringComparison.Ordinal));
        Assert.Contains($"[{ClusterConfig.SerializerId}]", warning);
        Assert.Contains("association remains live", warning);
    }

    private sealed class Inbox : ReceiveActor
    {
        public Inbox(ChannelWriter<object> received, ChannelWriter<string>? warnings = null)
        {
            Receive<Akka.Event.Warning>(w => warnings?.TryWrite($"{w.Message} {w.Cause?.Message}"));
            ReceiveAny(m => received.TryWrite(m));
        }
    }
}
