using Microsoft.Extensions.Logging;

namespace Csw.Command;

/// <summary>A component's log level, as its supervisor answers <see cref="SupervisorMessage.GetLogLevel"/> and <see cref="SupervisorMessage.SetLogLevel"/>.</summary>
/// <param name="Level">The least severe level the component's logger writes now.</param>
/// <param name="Default">The level it starts with: the process's (<c>csw container --log-level</c>), unless a change was asked for.</param>
public sealed record ComponentLogLevel(LogLevel Level, LogLevel Default);
