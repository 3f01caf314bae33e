using System.Globalization;
using Akka.Actor;
using Csw.Command.Internal.Admin;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// The wire form of the supervisor's admin messages (<see cref="SupervisorMessage"/>: locking,
/// lifecycle, log level) and their answers, for <see cref="CswMessageSerializer"/>: the messages in
/// the same length-prefixed envelope as commands (a missing reply address as an empty text), the
/// answers as the admin route's JSON (<see cref="AdminCodec"/>).
/// </summary>
internal static class AdminEnvelopes
{
    private const string Lock = "LK";
    private const string Unlock = "UL";
    private const string GoOnline = "ON";
    private const string GoOffline = "OFF";
    private const string DiagnosticMode = "DM";
    private const string OperationsMode = "OM";
    private const string Restart = "RS";
    private const string Shutdown = "SD";
    private const string GetLifecycleState = "GS";
    private const string GetLogLevel = "GLL";
    private const string SetLogLevel = "SLL";
    private const string Answer = "AA";

    /// <summary>The manifest of an admin message or answer; null for anything else.</summary>
    public static string? Manifest(object o) => o switch
    {
        SupervisorMessage.Lock => Lock,
        SupervisorMessage.Unlock => Unlock,
        SupervisorMessage.GoOnline => GoOnline,
        SupervisorMessage.GoOffline => GoOffline,
        SupervisorMessage.DiagnosticMode => DiagnosticMode,
        SupervisorMessage.OperationsMode => OperationsMode,
        SupervisorMessage.Restart => Restart,
        SupervisorMessage.Shutdown => Shutdown,
        SupervisorMessage.GetSupervisorLifecycleState => GetLifecycleState,
        SupervisorMessage.GetLogLevel => GetLogLevel,
        SupervisorMessage.SetLogLevel => SetLogLevel,
        LockingResponse or SupervisorLifecycleState or ComponentLogLevel => Answer,
        _ => null,
    };

    /// <summary>The bytes of an admin message or answer; null for anything else.</summary>
    public static byte[]? ToBinary(object o) => o switch
    {
        SupervisorMessage.Lock m => new EnvelopeWriter().Actor(m.ReplyTo).Text(m.Source.ToString()).Text(m.LeaseDuration.Ticks.ToString(CultureInfo.InvariantCulture)).ToArray(),
        SupervisorMessage.Unlock m => new EnvelopeWriter().Actor(m.ReplyTo).Text(m.Source.ToString()).ToArray(),
        SupervisorMessage.GoOnline m => ReplyTo(m.ReplyTo).ToArray(),
        SupervisorMessage.GoOffline m => ReplyTo(m.ReplyTo).ToArray(),
        SupervisorMessage.DiagnosticMode m => ReplyTo(m.ReplyTo).Text(m.StartTime.ToString()).Text(m.Hint).ToArray(),
        SupervisorMessage.OperationsMode m => ReplyTo(m.ReplyTo).ToArray(),
        SupervisorMessage.Restart m => ReplyTo(m.ReplyTo).ToArray(),
        SupervisorMessage.Shutdown m => ReplyTo(m.ReplyTo).ToArray(),
        SupervisorMessage.GetSupervisorLifecycleState m => new EnvelopeWriter().Actor(m.ReplyTo).ToArray(),
        SupervisorMessage.GetLogLevel m => new EnvelopeWriter().Actor(m.ReplyTo).ToArray(),
        SupervisorMessage.SetLogLevel m => new EnvelopeWriter().Actor(m.ReplyTo).Count((int)m.Level).ToArray(),
        LockingResponse or SupervisorLifecycleState or ComponentLogLevel => AdminCodec.WriteAnswer(o),
        _ => null,
    };

    /// <summary>The admin message or answer in <paramref name="bytes"/>; null when the manifest is not one of these.</summary>
    /// <exception cref="FormatException">The bytes are not what the manifest says.</exception>
    public static object? FromBinary(byte[] bytes, string manifest, ExtendedActorSystem system)
    {
        var reader = new EnvelopeReader(bytes);
        return manifest switch
        {
            Lock => ReadLock(ref reader, system),
            Unlock => ReadUnlock(ref reader, system),
            GoOnline => new SupervisorMessage.GoOnline { ReplyTo = Reply(ref reader, system) },
            GoOffline => new SupervisorMessage.GoOffline { ReplyTo = Reply(ref reader, system) },
            DiagnosticMode => ReadDiagnosticMode(ref reader, system),
            OperationsMode => new SupervisorMessage.OperationsMode { ReplyTo = Reply(ref reader, system) },
            Restart => new SupervisorMessage.Restart { ReplyTo = Reply(ref reader, system) },
            Shutdown => new SupervisorMessage.Shutdown { ReplyTo = Reply(ref reader, system) },
            GetLifecycleState => new SupervisorMessage.GetSupervisorLifecycleState(reader.Actor(system)),
            GetLogLevel => new SupervisorMessage.GetLogLevel(reader.Actor(system)),
            SetLogLevel => ReadSetLogLevel(ref reader, system),
            Answer => AdminCodec.ReadAnswer(bytes),
            _ => null,
        };
    }

    private static EnvelopeWriter ReplyTo(IActorRef? replyTo) => replyTo is null ? new EnvelopeWriter().Text("") : new EnvelopeWriter().Actor(replyTo);

    private static IActorRef? Reply(ref EnvelopeReader reader, ExtendedActorSystem system) => reader.Text() is { Length: > 0 } path ? system.Provider.ResolveActorRef(path) : null;

    private static SupervisorMessage.Lock ReadLock(ref EnvelopeReader reader, ExtendedActorSystem system)
    {
        var replyTo = reader.Actor(system);
        var source = Prefix.Parse(reader.Text());
        return new SupervisorMessage.Lock(source, TimeSpan.FromTicks(long.Parse(reader.Text(), CultureInfo.InvariantCulture)), replyTo);
    }

    private static SupervisorMessage.Unlock ReadUnlock(ref EnvelopeReader reader, ExtendedActorSystem system)
    {
        var replyTo = reader.Actor(system);
        return new SupervisorMessage.Unlock(Prefix.Parse(reader.Text()), replyTo);
    }

    private static SupervisorMessage.DiagnosticMode ReadDiagnosticMode(ref EnvelopeReader reader, ExtendedActorSystem system)
    {
        var replyTo = Reply(ref reader, system);
        var start = UtcTime.Parse(reader.Text());
        return new SupervisorMessage.DiagnosticMode(start, reader.Text()) { ReplyTo = replyTo };
    }

    private static SupervisorMessage.SetLogLevel ReadSetLogLevel(ref EnvelopeReader reader, ExtendedActorSystem system)
    {
        var replyTo = reader.Actor(system);
        var level = reader.Count();
        return level <= (int)LogLevel.None ? new SupervisorMessage.SetLogLevel((LogLevel)level, replyTo) : throw new FormatException($"{level} is not a log level.");
    }
}
