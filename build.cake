// Build script: dotnet tool restore && dotnet cake --target=<Build|Test|Bench>
// The README's two commands do not need Cake; this is for people who like one entry point.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var suite = Argument("suite", "kernel");

Task("Build")
    .Does(() => DotNetBuild("CswNet.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .Does(() =>
    {
        // The same script CI runs, so that green here means green there.
        var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "./test.sh" });
        if (exitCode != 0)
        {
            throw new Exception($"Tests failed (exit code {exitCode}).");
        }
    });

Task("Bench")
    .IsDependentOn("Build")
    .Does(() => DotNetRun("Bench/Bench.csproj", new ProcessArgumentBuilder().Append(suite), new DotNetRunSettings { Configuration = "Release", NoBuild = true }));

RunTarget(target);
