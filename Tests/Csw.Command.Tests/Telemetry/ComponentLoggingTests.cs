using System.Collections.Concurrent;
using Akka.Actor;
using Csw.Framework;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Tests.Telemetry;

/// <summary>A component's logger: its level changed at runtime through the admin service, and its scope (component, runId).</summary>
public sealed class ComponentLoggingTests : IAsyncLifetime
{
    private static readonly Prefix Prefix = Prefix.Parse("WFOS.logging.hcd");

    private readonly ScopeCapturingProvider _provider = new();

    private ILoggerFactory _factory = null!;

    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddFilter("Csw.Component", LogLevel.Trace).AddProvider(_provider));
        _system = CswActorSystem.Create("logging", _factory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        _factory.Dispose();
    }

    [Fact]
    public async Task SetLogLevel_DebugAtRuntime_TheHandlersDebugEntriesAreWrittenFromThenOn()
    {
        var (commands, admin) = await StartAsync(LogLevel.Information);
        await commands.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "first"));
        Assert.DoesNotContain(_provider.Entries, e => e.Message == "debug first");
        Assert.Contains(_provider.Entries, e => e.Message == "info first");

        Assert.Equal(new ComponentLogLevel(LogLevel.Debug, LogLevel.Information), await admin.SetLogLevelAsync(LogLevel.Debug));
        await commands.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "second"));
        Assert.Contains(_provider.Entries, e => e.Message == "debug second");

        await admin.SetLogLevelAsync(LogLevel.Warning);
        await commands.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "third"));
        Assert.DoesNotContain(_provider.Entries, e => e.Message.EndsWith("third", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_InACommandsHandlerCall_ScopeNamesTheComponentAndTheRunId()
    {
        var (commands, _) = await StartAsync(null);
        var response = await commands.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "scoped"));
        var entry = Assert.Single(_provider.Entries, e => e.Message == "info scoped");
        Assert.Equal($"Csw.Component.{Prefix}", entry.Category);
        Assert.Contains(new KeyValuePair<string, object?>("Component", Prefix.ToString()), entry.Scope);
        Assert.Contains(new KeyValuePair<string, object?>("RunId", response.RunId.Value), entry.Scope);
    }

    private async Task<(ICommandService Commands, IAdminService Admin)> StartAsync(LogLevel? level)
    {
        var component = Component.Spawn(_system, new ComponentInfo(Prefix, ComponentType.HCD), context => new LoggingHcd(context), ComponentOptions.Default with { LogLevel = level });
        var commands = CommandServiceFactory.Make(component);
        await commands.ValidateAsync(new Setup(Prefix, "ready"));
        return (commands, AdminServiceFactory.Make(component));
    }

    private sealed class LoggingHcd(CswContext context) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            Context.Logger.LogDebug("debug {Name}", command.CommandName.Name);
            Context.Logger.LogInformation("info {Name}", command.CommandName.Name);
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    /// <summary>Keeps every entry with the key/value pairs of the scopes around it.</summary>
    private sealed class ScopeCapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Category, string Message, List<KeyValuePair<string, object?>> Scope)> _entries = new();

        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<(string Category, string Message, List<KeyValuePair<string, object?>> Scope)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ScopeCapturingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new List<KeyValuePair<string, object?>>();
                provider._scopes.ForEachScope((item, list) =>
                {
                    if (item is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                }, scope);
                provider._entries.Enqueue((category, formatter(state, exception), scope));
            }
        }
    }
}
