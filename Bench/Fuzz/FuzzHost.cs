using Bench.Command;
using Csw.Command;
using Csw.Framework;
using Csw.Location;
using Microsoft.Extensions.Logging;

namespace Bench.Fuzz;

/// <summary>
/// The child process the fuzzer attacks: a component (a <see cref="BenchHcd"/>) behind its command
/// endpoint, and a location server over an embedded backend, both with their shipped limits, on the
/// ports the parent chose, and the bare Kestrel WebSocket echo the load figure is compared with.
/// Prints "ready &lt;echo URI&gt;" when serving; every error logged goes to stderr as "ERROR ...".
/// </summary>
internal static class FuzzHost
{
    public const string ChildMode = "fuzz-child";

    public static async Task<int> RunAsync(int commandPort, int locationPort)
    {
        using var logs = new ErrorLog();
        var system = CswActorSystem.Create("fuzzed", logs);
        var component = await LocalSubmit.StartAsync(system, "fuzzed");
        await using var endpoint = await CommandEndpoint.StartAsync(component, CommandEndpointOptions.Default.WithPort(commandPort).WithLoggerFactory(logs));
        await using var location = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(logs), LocationServerOptions.Default.WithPort(locationPort).WithLoggerFactory(logs));
        await using var echo = await Remote.EchoServer.StartAsync();
        Console.WriteLine($"ready {echo.Uri}");
        // Until the parent closes our input (or kills us).
        await Console.In.ReadToEndAsync();
        await system.Terminate();
        return 0;
    }

    /// <summary>Writes every error logged, and nothing else, to stderr.</summary>
    private sealed class ErrorLog : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"ERROR {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}".ReplaceLineEndings(" "));
            }
        }

        public void Dispose()
        {
        }
    }
}
