using System.Globalization;
using System.Text.Json;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Admin;

/// <summary>
/// The admin route's JSON, in CSW's style (a <c>_type</c> field): requests such as
/// <c>{"_type":"Lock","source":"CSW.ops","leaseDurationInSeconds":300}</c> or
/// <c>{"_type":"SetLogLevel","level":"DEBUG"}</c>; answers <c>{"_type":"LockAcquired"}</c>,
/// <c>{"_type":"LifecycleState","state":"Running"}</c>, <c>{"_type":"LogLevel","level":"DEBUG","defaultLevel":"INFO"}</c>.
/// Log levels go by CSW's names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL; OFF for none).
/// </summary>
internal static class AdminCodec
{
    private static readonly (LogLevel Level, string Name)[] Levels =
    [
        (LogLevel.Trace, "TRACE"), (LogLevel.Debug, "DEBUG"), (LogLevel.Information, "INFO"), (LogLevel.Warning, "WARN"),
        (LogLevel.Error, "ERROR"), (LogLevel.Critical, "FATAL"), (LogLevel.None, "OFF"),
    ];

    /// <summary>CSW's name of a level.</summary>
    public static string LevelName(LogLevel level) => Levels.First(l => l.Level == level).Name;

    /// <summary>A level by CSW's name or .NET's (any case: debug, info, information, warn, warning, fatal, critical, off, none).</summary>
    /// <exception cref="FormatException">Not a level.</exception>
    public static LogLevel ParseLevel(string text)
    {
        foreach (var (level, name) in Levels)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(level.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }
        throw new FormatException($"'{text}' is not a log level: {string.Join(", ", Levels.Select(l => l.Name.ToLowerInvariant()))}.");
    }

    public static byte[] Write(AdminRequest request) => Json(writer =>
    {
        writer.WriteString("_type", request switch
        {
            AdminRequest.DiagnosticMode => "ExecuteDiagnosticMode",
            AdminRequest.OperationsMode => "ExecuteOperationsMode",
            _ => request.GetType().Name,
        });
        switch (request)
        {
            case AdminRequest.Lock l:
                writer.WriteString("source", l.Source.ToString());
                writer.WriteNumber("leaseDurationInSeconds", l.LeaseDuration.TotalSeconds);
                break;
            case AdminRequest.Unlock u:
                writer.WriteString("source", u.Source.ToString());
                break;
            case AdminRequest.DiagnosticMode d:
                writer.WriteString("startTime", d.StartTime.ToString());
                writer.WriteString("hint", d.Hint);
                break;
            case AdminRequest.SetLogLevel s:
                writer.WriteString("level", LevelName(s.Level));
                break;
        }
        if (request.Timeout is { } timeout)
        {
            writer.WriteNumber("timeoutInSeconds", timeout.TotalSeconds);
        }
    });

    /// <exception cref="FormatException">Not an admin request; the message says why.</exception>
    public static AdminRequest ReadRequest(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            AdminRequest request = String(root, "_type") switch
            {
                "Lock" => new AdminRequest.Lock(Prefix.Parse(String(root, "source")), TimeSpan.FromSeconds(Number(root, "leaseDurationInSeconds"))),
                "Unlock" => new AdminRequest.Unlock(Prefix.Parse(String(root, "source"))),
                "GoOnline" => new AdminRequest.GoOnline(),
                "GoOffline" => new AdminRequest.GoOffline(),
                "ExecuteDiagnosticMode" => new AdminRequest.DiagnosticMode(UtcTime.Parse(String(root, "startTime")), String(root, "hint")),
                "ExecuteOperationsMode" => new AdminRequest.OperationsMode(),
                "Restart" => new AdminRequest.Restart(),
                "Shutdown" => new AdminRequest.Shutdown(),
                "GetLifecycleState" => new AdminRequest.GetLifecycleState(),
                "GetLogLevel" => new AdminRequest.GetLogLevel(),
                "SetLogLevel" => new AdminRequest.SetLogLevel(ParseLevel(String(root, "level"))),
                var other => throw new FormatException($"Unknown admin request '{other}': Lock, Unlock, GoOnline, GoOffline, ExecuteDiagnosticMode, ExecuteOperationsMode, Restart, Shutdown, GetLifecycleState, GetLogLevel or SetLogLevel."),
            };
            return root.TryGetProperty("timeoutInSeconds", out _) ? request with { Timeout = TimeSpan.FromSeconds(Number(root, "timeoutInSeconds")) } : request;
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public static byte[] WriteAnswer(object answer) => Json(writer =>
    {
        switch (answer)
        {
            case LockingResponse response:
                writer.WriteString("_type", response.GetType().Name);
                if (response switch { LockingResponse.AcquiringLockFailed f => f.Reason, LockingResponse.ReleasingLockFailed f => f.Reason, _ => null } is { } reason)
                {
                    writer.WriteString("reason", reason);
                }
                break;
            case SupervisorLifecycleState state:
                writer.WriteString("_type", "LifecycleState");
                writer.WriteString("state", state.ToString());
                break;
            case ComponentLogLevel level:
                writer.WriteString("_type", "LogLevel");
                writer.WriteString("level", LevelName(level.Level));
                writer.WriteString("defaultLevel", LevelName(level.Default));
                break;
            default:
                throw new ArgumentException($"Not an admin answer: {answer.GetType().Name}.", nameof(answer));
        }
    });

    /// <exception cref="FormatException">Not an admin answer.</exception>
    public static object ReadAnswer(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            return String(root, "_type") switch
            {
                "LockAcquired" => new LockingResponse.LockAcquired(),
                "AcquiringLockFailed" => new LockingResponse.AcquiringLockFailed(String(root, "reason")),
                "LockReleased" => new LockingResponse.LockReleased(),
                "LockAlreadyReleased" => new LockingResponse.LockAlreadyReleased(),
                "ReleasingLockFailed" => new LockingResponse.ReleasingLockFailed(String(root, "reason")),
                "LockExpired" => new LockingResponse.LockExpired(),
                "LockExpiringShortly" => new LockingResponse.LockExpiringShortly(),
                "LifecycleState" => Enum.Parse<SupervisorLifecycleState>(String(root, "state")),
                "LogLevel" => new ComponentLogLevel(ParseLevel(String(root, "level")), ParseLevel(String(root, "defaultLevel"))),
                var other => throw new FormatException($"Unknown admin answer '{other}'."),
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"Not an admin answer: {e.Message}", e);
        }
    }

    private static string String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"An admin request or answer is an object with a string field '{name}'.");

    private static double Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.GetDouble() is > 0 and <= 86_400 and var seconds
            ? seconds
            : throw new FormatException($"'{name}' is a number of seconds above 0, at most a day.");

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Invariant text of a number, for messages.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
