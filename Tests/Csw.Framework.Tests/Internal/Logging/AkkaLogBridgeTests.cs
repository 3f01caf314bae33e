using Akka.Actor;
using Akka.Event;
using AkkaLogging = Akka.Event.Logging;
using Csw.Framework.Internal.Logging;
using Csw.Tests.Shared;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Csw.Framework.Tests.Internal.Logging;

/// <summary>What Akka logs, as it reaches the logger factory of an actor system made by <see cref="CswActorSystem"/>.</summary>
public sealed class AkkaLogBridgeTests : IAsyncLifetime
{
    private readonly CapturingLoggerFactory _logs = new();

    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = CswActorSystem.Create("bridge", _logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task Warning_SourceAndTextWithoutAkkasHeader()
    {
        AkkaLogging.GetLogger(_system, "the-source").Warning("fuel is {0}", "low");
        var entry = await SingleAsync("fuel is low");
        Assert.Equal((AkkaLogBridge.Category, LogLevel.Warning, "[the-source (akka://bridge)] fuel is low"), (entry.Category, entry.Level, entry.Message));
    }

    [Fact]
    public async Task Error_TheExceptionOnTheEntryNotInTheText()
    {
        var failure = new InvalidOperationException("valve stuck");
        AkkaLogging.GetLogger(_system, "the-source").Error(failure, "could not close");
        var entry = await SingleAsync("could not close");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
        Assert.Equal("[the-source (akka://bridge)] could not close", entry.Message);
    }

    [Fact]
    public async Task Error_ConnectionToAMemberEnded_InformationWithoutTheStack()
    {
        // What Akka.Remote logs whenever another member stops or dies; the cluster's own warnings say what it means.
        var type = typeof(Akka.Remote.RemoteSettings).Assembly.GetType("Akka.Remote.EndpointDisassociatedException", throwOnError: true)!;
        var disassociated = (Exception)Activator.CreateInstance(type, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, null, ["Disassociated"], null)!;
        AkkaLogging.GetLogger(_system, "endpointWriter").Error(disassociated, "Disassociated");
        var entry = await SingleAsync("Disassociated");
        Assert.Equal((LogLevel.Information, null), (entry.Level, entry.Exception));
    }

    [Fact]
    public async Task Warning_ExceptionAsAnArgument_ItsTypeAndMessageWithoutTheStack()
    {
        // As Akka.Remote says why a connection failed: the reason is an argument of the text.
        InvalidOperationException reason;
        try
        {
            throw new InvalidOperationException("peer gone");
        }
        catch (InvalidOperationException e)
        {
            reason = e;
        }
        AkkaLogging.GetLogger(_system, "writer").Warning("Association failed. Reason is: [{0}]", reason);
        var entry = await SingleAsync("Association failed");
        Assert.Equal("[writer (akka://bridge)] Association failed. Reason is: [System.InvalidOperationException: peer gone]", entry.Message);
    }

    private async Task<LogEntry> SingleAsync(string text)
    {
        await TestWaits.AwaitAssertAsync(() => Assert.Single(_logs.InCategory(AkkaLogBridge.Category), e => e.Message.Contains(text)));
        return _logs.InCategory(AkkaLogBridge.Category).Single(e => e.Message.Contains(text));
    }
}
