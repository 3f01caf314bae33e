using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Csw.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for tests: a fresh cluster (<c>initdb</c>) in a temporary directory,
/// on a free loopback port, trusting local connections, gone after disposal. Needs the Debian
/// package <c>postgresql</c>, which ./test.sh installs. PostgreSQL refuses to run as root: as root
/// it runs as the <c>postgres</c> user the package creates.
/// </summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _lines = new();

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly string _directory;

    private Process? _process;

    private PostgresProcess(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>An Npgsql connection string for the server's <c>postgres</c> database, as user <c>csw</c>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=csw;Database=postgres;Pooling=true";

    public static async Task<PostgresProcess> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(Directory.Exists).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): ./test.sh installs the Debian package postgresql.");
        }
        var directory = Path.Combine(Path.GetTempPath(), "csw-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var server = new PostgresProcess(directory, FreePort());
        try
        {
            var data = Path.Combine(directory, "data");
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", ["-R", "postgres:postgres", directory]);
            }
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "csw", "--no-sync"], asPostgres: true);
            server._process = Start(Path.Combine(bin, "postgres"), ["-D", data, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", directory, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]);
            server._process.OutputDataReceived += (_, line) => server.Add(line.Data);
            server._process.ErrorDataReceived += (_, line) => server.Add(line.Data);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            await server._ready.Task.WaitAsync(TestTime.Scale(StartTimeout));
            return server;
        }
        catch (Exception e)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"PostgreSQL did not start: {e.Message}\n{string.Join('\n', server._lines)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to the system's temp cleaning.
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        if (line.Contains("ready to accept connections", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static Process Start(string file, IEnumerable<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && Environment.UserName == "root" ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.UserName == "root")
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, bool asPostgres = false)
    {
        using var process = Start(file, arguments, asPostgres);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
