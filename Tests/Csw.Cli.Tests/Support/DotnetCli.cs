using System.Diagnostics;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Support;

/// <summary>The <c>dotnet</c> command as a user runs it, outside the test run's own MSBuild and test settings.</summary>
internal static class DotnetCli
{
    /// <summary>The root of this clone: the folder holding CswNet.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/> to its end: the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The test run's MSBuild and test-host settings would leak into a build of other projects.
        foreach (var name in start.Environment.Keys.Where(IsRunSetting).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TestTime.Scale(TimeSpan.FromMinutes(5)));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await error);
    }

    private static bool IsRunSetting(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name is "DOTNET_HOST_PATH";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CswNet.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No CswNet.sln above {AppContext.BaseDirectory}.");
    }
}
